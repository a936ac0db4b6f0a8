/** A checkbox with its label after it. */
export function Check({ label, value, onChange, disabled }: { label: string; value: boolean; onChange(v: boolean): void; disabled?: boolean }) {
  return (
    <label className="check">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} disabled={disabled} /> {label}
    </label>
  );
}
