/** Replace {name} by values[name]; unknown names are left as written so a typo shows in the command. */
export function expand(template: string, values: Record<string, string>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}
