import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { placePopup } from '../ui/menu-keys.ts';
import './views.css';

export interface PopoverProps {
  open: boolean;
  /** The toolbar button that opened it: the panel sits under it and focus returns to it. */
  anchor: HTMLElement | null;
  label: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}

/**
 * A non-modal panel under a toolbar button (the filter, sort and fields editors): a
 * labelled dialog in a portal, so ag-grid's overflow never clips it. Esc closes back to the
 * button; a press outside closes it. It follows its content's size, flipping above the
 * button when there is no room below.
 */
export function Popover({ open, anchor, label, onClose, children, className }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  const latestClose = useRef(onClose);
  latestClose.current = onClose;

  useLayoutEffect(() => {
    const panel = ref.current;
    if (!open || !anchor || !panel) return;
    const place = () => {
      const next = placePopup(anchor.getBoundingClientRect(), panel.getBoundingClientRect(), { width: window.innerWidth, height: window.innerHeight });
      setPosition((current) => (current && current.left === next.left && current.top === next.top ? current : next));
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(panel);
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
    };
  }, [open, anchor]);

  useEffect(() => {
    if (!open) {
      setPosition(null);
      return;
    }
    ref.current?.querySelector<HTMLElement>('[data-autofocus], button, select, input')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      // Menus and dialogs opened from inside the panel live in their own portals.
      if (ref.current?.contains(target) || anchor?.contains(target) || (target instanceof Element && target.closest('.ui-menu, .ui-dialog'))) return;
      latestClose.current();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open, anchor]);

  if (!open || typeof document === 'undefined') return null;
  return createPortal(
    <div
      ref={ref}
      role="dialog"
      aria-label={label}
      className={`view-popover${className ? ` ${className}` : ''}`}
      style={position ? { left: position.left, top: position.top } : { visibility: 'hidden', left: 0, top: 0 }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
        anchor?.focus();
      }}
    >
      {children}
    </div>,
    document.body,
  );
}
