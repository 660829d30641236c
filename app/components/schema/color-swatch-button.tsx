import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SELECT_COLORS, type SelectColor } from '../../../core/fields/index.ts';
import { Menu } from '../ui/menu.tsx';

interface Props {
  color: SelectColor;
  /** Announced as "Color of <choice>". */
  label: string;
  onChange(color: SelectColor): void;
}

/** A choice's color: a swatch that opens the palette as a menu (arrows, type-ahead, Esc). */
export function ColorSwatchButton({ color, label, onChange }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        ref={ref}
        type="button"
        className={`swatch-button chip-${color}`}
        aria-label={`${label}: ${t(`schema.options.colors.${color}`)}`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      />
      <Menu
        open={open}
        anchor={ref.current}
        label={label}
        onClose={() => setOpen(false)}
        items={SELECT_COLORS.map((option) => ({
          id: option,
          label: t(`schema.options.colors.${option}`),
          icon: <span className={`swatch chip-${option}${option === color ? ' current' : ''}`} />,
          onSelect: () => onChange(option),
        }))}
      />
    </>
  );
}
