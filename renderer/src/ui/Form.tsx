import type { FormHTMLAttributes } from 'react';

/**
 * A form of the till: Enter or its submit button runs `onSubmit` without reloading the page, and
 * the till checks what was typed itself (noValidate: the browser's own bubbles would speak its
 * language, not the cashier's).
 */
export function Form({ onSubmit, ...rest }: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & { onSubmit: () => unknown }) {
  return (
    <form
      noValidate
      {...rest}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    />
  );
}
