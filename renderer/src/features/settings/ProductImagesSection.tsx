import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateSettings } from './settingsActions';
import { useSettingsStore } from './settingsStore';
import { ProductSelect } from '../catalog/ProductSelect';
import { useProductList } from '../catalog/useProductList';

const MAX_BYTES = 140_000;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * The shop's own picture for a product tile (a logo it has the right to use). Kept in settings as
 * a small data: URL, because the renderer may load nothing from outside.
 */
export function ProductImagesSection() {
  const { t } = useTranslation();
  const images = useSettingsStore((s) => s.settings.productImages);
  const [productId, setProductId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const { titleOf } = useProductList();

  const save = async (next: Record<string, string>) => {
    const r = await updateSettings({ productImages: next });
    setMessage(r.ok ? t('settings.images.saved') : t('settings.images.refused'));
  };

  const onFile = async (file: File | undefined) => {
    if (!file || !productId) return;
    if (!/^image\/(png|jpeg|webp)$/.test(file.type)) return setMessage(t('settings.images.badType'));
    if (file.size > MAX_BYTES) return setMessage(t('settings.images.tooBig', { kb: Math.round(MAX_BYTES / 1000) }));
    await save({ ...images, [productId]: await readAsDataUrl(file) });
  };

  return (
    <div className="product-images">
      <h4>{t('settings.images.title')}</h4>
      <ProductSelect
        id="set-image-product"
        label={t('settings.images.product')}
        emptyLabel={t('settings.prices.chooseProduct')}
        value={productId}
        onChange={setProductId}
      />
      <div className="field">
        <label htmlFor="set-image-file">{t('settings.images.file')}</label>
        <input
          id="set-image-file"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          disabled={!productId}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      {message && (
        <p className="small" role="status">
          {message}
        </p>
      )}
      <ul className="plain-list">
        {Object.keys(images).map((id) => (
          <li key={id} className="override-row">
            <img src={images[id]} alt={titleOf(id)} width={40} height={40} />
            <span>{titleOf(id)}</span>
            <button
              type="button"
              className="btn small-btn ghost"
              onClick={() => {
                const next = { ...images };
                delete next[id];
                void save(next);
              }}
            >
              {t('settings.images.remove', { product: titleOf(id) })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
