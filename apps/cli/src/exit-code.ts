/** What the CLI commands exit with; scripts that drive an import rely on these. */
export enum ExitCode {
  /** Every row was imported or was already there. */
  Ok = 0,
  /** Some rows were refused; the others were imported. */
  RowsRefused = 1,
  /** The command line or the CSV could not be used; nothing was imported. */
  Usage = 2,
  /** The command could not start, or stopped early on an unexpected error; running it again continues. */
  Failed = 3,
  /** Stopped by Ctrl-C after the files in progress; running it again continues. */
  Interrupted = 130,
}
