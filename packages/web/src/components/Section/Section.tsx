import { useId, type ReactNode } from 'react';

/** A titled card of the record page. */
export function Section({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) {
  const id = useId();
  return (
    <section className={`card section${wide ? ' section--wide' : ''}`} aria-labelledby={id}>
      <h2 id={id} className="section__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A label / value list; fields without a value are left out. */
export function Fields({ children }: { children: ReactNode }) {
  return <dl className="fields">{children}</dl>;
}

const isEmpty = (value: ReactNode): boolean =>
  value === undefined || value === null || value === false || value === '' || (Array.isArray(value) && value.length === 0);

export function Field({ label, children, identifier = false }: { label: string; children: ReactNode; identifier?: boolean }) {
  if (isEmpty(children)) return null;
  return (
    <div className="fields__row">
      <dt className="fields__label">{label}</dt>
      <dd className={`fields__value${identifier ? ' mono' : ''}`}>{children}</dd>
    </div>
  );
}

/** A sub-heading inside a section. */
export function SubHeading({ children }: { children: ReactNode }) {
  return <h3 className="section__subtitle">{children}</h3>;
}
