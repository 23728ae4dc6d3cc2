import { inputId } from '../../forms/fields.tsx';
import { useRequestFieldLabel } from './field-labels.ts';

/** Every refused field in one place at the top of the form, each a link to its input. */
export function ErrorSummary({ title, errors }: { title: string; errors: ReadonlyMap<string, readonly string[]> }) {
  const label = useRequestFieldLabel();
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{title}</p>
      <ul className="alert__issues">
        {[...errors].map(([path, messages]) => (
          <li key={path}>
            {/* The whole item is the link: told apart from text by being all of it, not by colour alone. */}
            <a href={`#${inputId(path)}`}>
              {label(path)}: {messages.join(' ')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
