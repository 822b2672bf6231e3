// Patches two gaps in Swagger UI's markup as it renders: unnamed parameter fields, unfocusable scrolling code.

/** Gives a parameter's select/input/textarea the parameter's name when Swagger UI left it without a label. */
function nameParameterFields(root: ParentNode): void {
  for (const row of root.querySelectorAll<HTMLTableRowElement>('tr[data-param-name]')) {
    const name = `Parameter ${row.dataset.paramName ?? ''} (${row.dataset.paramIn ?? ''})`;
    for (const field of row.querySelectorAll('select, input, textarea')) {
      if (!field.hasAttribute('aria-label') && !field.hasAttribute('aria-labelledby')) {
        field.setAttribute('aria-label', name);
      }
    }
  }
}

/** Example payloads scroll sideways; keyboard users need to be able to focus them to scroll. */
function focusableCodeBlocks(root: ParentNode): void {
  for (const block of root.querySelectorAll('.highlight-code pre:not([tabindex])')) {
    block.setAttribute('tabindex', '0');
  }
}

export function watchSwaggerA11y(host: HTMLElement): void {
  const patch = () => {
    nameParameterFields(host);
    focusableCodeBlocks(host);
  };
  new MutationObserver(patch).observe(host, { childList: true, subtree: true });
  patch();
}
