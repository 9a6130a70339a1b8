/** Whether the terminal shows colour. */
export const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

/** The run's one abort switch: signals pull it, the run stops its servers and reports what it did not run. */
export const interruption = new AbortController();
