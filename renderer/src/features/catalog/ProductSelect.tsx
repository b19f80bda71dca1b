import { useProductList } from './useProductList';

/** A labelled product picker over the catalogue, by title (history filter, per-product markup, product pictures). */
export function ProductSelect(props: { id: string; label: string; emptyLabel: string; value: string; onChange: (productId: string) => void }) {
  const { sorted } = useProductList();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.emptyLabel}</option>
        {sorted.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
    </div>
  );
}
