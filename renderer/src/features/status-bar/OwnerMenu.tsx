import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain';
import { openBackoffice } from '../backoffice/backofficeActions';
import { setLanguage } from '../settings/settingsActions';
import { LANGUAGES } from '../../i18n';
import { useSessionStore } from '../session/sessionStore';
import { useUiStore } from '../../app/uiStore';

type Item = { key: string; label: string; lang?: Language; checked?: boolean; run: () => void };

/**
 * The tools a cashier rarely needs at the counter (language, settings, back office) behind one
 * button, so the header stays one row at 1024 px in every language. WAI-ARIA menu button:
 * arrows move, Home/End jump, Escape or Tab closes and focus goes back to the button.
 */
export function OwnerMenu() {
  const { t, i18n } = useTranslation();
  const isOwner = useSessionStore((s) => s.status === 'signedIn' && s.session?.cashier?.role === 'owner');
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const items: Item[] = [
    ...LANGUAGES.map((lng) => ({ key: `lang-${lng}`, label: t(`lang.${lng}`), lang: lng, checked: i18n.language === lng, run: () => void setLanguage(lng) })),
    ...(isOwner ? [{ key: 'settings', label: t('header.settings'), run: () => useUiStore.setState({ settingsOpen: true }) }] : []),
    { key: 'backoffice', label: t('header.backoffice'), run: () => openBackoffice() },
  ];

  const itemEls = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
  const focusItem = (index: number) => {
    const els = itemEls();
    if (els.length) els[(index + els.length) % els.length]!.focus();
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  // Opening puts the focus on the current language (the first item), as a menu button should.
  useEffect(() => {
    if (open)
      focusItem(
        Math.max(
          0,
          items.findIndex((i) => i.checked),
        ),
      );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  // A touch or click elsewhere closes the menu without taking the focus back.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const els = itemEls();
    const at = els.indexOf(document.activeElement as HTMLElement);
    switch (e.key) {
      case 'ArrowDown':
        focusItem(at + 1);
        break;
      case 'ArrowUp':
        focusItem(at - 1);
        break;
      case 'Home':
        focusItem(0);
        break;
      case 'End':
        focusItem(els.length - 1);
        break;
      case 'Escape':
        // The menu only: the counter's own Escape (one step back) must not fire too.
        e.stopPropagation();
        close(true);
        break;
      case 'Tab':
        close(false);
        return;
      default:
        return;
    }
    e.preventDefault();
  };

  const choose = (item: Item) => {
    close(true);
    item.run();
  };

  return (
    <div className="owner-menu">
      <button
        ref={button}
        type="button"
        className="btn menu-btn"
        aria-label={t('bar.menu')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={onButtonKey}
      >
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" fill="currentColor">
          <rect x="2" y="4" width="16" height="2" rx="1" />
          <rect x="2" y="9" width="16" height="2" rx="1" />
          <rect x="2" y="14" width="16" height="2" rx="1" />
        </svg>
        <span>{t('bar.menu')}</span>
      </button>
      {open && (
        <ul ref={menu} id={menuId} role="menu" aria-label={t('bar.menu')} className="menu-list" onKeyDown={onMenuKey}>
          {items.map((item, index) => (
            <li key={item.key} role="none" className={index === LANGUAGES.length ? 'menu-sep' : undefined}>
              <button
                type="button"
                role={item.lang ? 'menuitemradio' : 'menuitem'}
                aria-checked={item.lang ? item.checked : undefined}
                lang={item.lang}
                tabIndex={-1}
                className="menu-item"
                onClick={() => choose(item)}
              >
                <span aria-hidden="true" className="menu-check">
                  {item.checked ? '✓' : ''}
                </span>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
