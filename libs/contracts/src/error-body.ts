/** The JSON body of every error answer. `errors` maps a field to what is wrong with it. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
  /** Only on unexpected errors (500): quote it when reporting. */
  correlationId?: string;
}
