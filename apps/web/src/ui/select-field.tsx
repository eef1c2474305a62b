/**
 * A labelled choice among the API's values (from the generated vocabulary). With `anyLabel`
 * it may also be left open, which gives `undefined`; a value that is none of the options never
 * reaches the caller.
 */
export function SelectField<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
  anyLabel,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string | undefined;
  readonly options: readonly T[];
  readonly onChange: (value: T | undefined) => void;
  readonly anyLabel?: string;
}) {
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(options.find((option) => option === event.target.value))}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </span>
  );
}
