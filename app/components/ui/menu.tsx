import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { menuKey, placePopup } from './menu-keys.ts';
import './ui.css';

export interface MenuItem {
  id: string;
  label: string;
  icon?: ReactNode;
  /** Shown and announced, but cannot be chosen; `hint` says why. */
  disabled?: boolean;
  hint?: string;
  danger?: boolean;
  /** Draws a separator above this item. */
  groupStart?: boolean;
  onSelect(): void;
}

export interface MenuProps {
  open: boolean;
  /** The button that opened the menu; the menu sits under it and focus returns to it. */
  anchor: HTMLElement | null;
  label: string;
  items: readonly MenuItem[];
  onClose(): void;
}

/**
 * A WAI-ARIA menu in a portal (ag-grid headers clip their overflow), in the open dialog
 * when the anchor is in one. Arrow keys, Home/End
 * and type-ahead move; Enter or Space chooses; Esc closes back to the trigger; a click
 * outside or Tab closes. Disabled items stay focusable so their reason is read out.
 */
export function Menu({ open, anchor, label, items, onClose }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    if (!open || !anchor || !ref.current) return;
    const box = ref.current.getBoundingClientRect();
    setPosition(placePopup(anchor.getBoundingClientRect(), box, { width: window.innerWidth, height: window.innerHeight }));
    setActive(0);
  }, [open, anchor]);

  useEffect(() => {
    if (open && position) ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [open, position, active]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!ref.current?.contains(target) && !anchor?.contains(target)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open, anchor, onClose]);

  if (!open || typeof document === 'undefined') return null;

  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    onClose();
    anchor?.focus();
    item.onSelect();
  };

  return createPortal(
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className="ui-menu"
      style={position ? { left: position.left, top: position.top } : { visibility: 'hidden' }}
      onKeyDown={(event) => {
        const result = menuKey(event.key, active, items.map((item) => item.label));
        if (result.kind === 'none') return;
        if (result.kind !== 'close' || result.restoreFocus) event.preventDefault();
        if (result.kind === 'move') setActive(result.index);
        else if (result.kind === 'activate') choose(items[active]!);
        else {
          onClose();
          if (result.restoreFocus) anchor?.focus();
        }
      }}
    >
      {items.map((item, index) => (
        <div key={item.id} role="none" className={item.groupStart && index > 0 ? 'ui-menu-group' : undefined}>
          <button
            type="button"
            role="menuitem"
            tabIndex={index === active ? 0 : -1}
            aria-disabled={item.disabled || undefined}
            title={item.disabled ? item.hint : undefined}
            className={`ui-menu-item${item.danger ? ' danger' : ''}`}
            onClick={() => choose(item)}
            onMouseEnter={() => setActive(index)}
          >
            <span className="ui-menu-icon" aria-hidden="true">{item.icon}</span>
            <span>{item.label}</span>
            {item.disabled && item.hint ? <span className="visually-hidden">{item.hint}</span> : null}
          </button>
        </div>
      ))}
    </div>,
    // Inside a modal dialog everything outside it is inert: the menu must live in the dialog.
    anchor?.closest('dialog') ?? document.body,
  );
}
