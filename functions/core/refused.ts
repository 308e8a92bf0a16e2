// A job that declines to act for a reason the coordinator must read (a second new year, a spreadsheet that is not
// empty): its message is Vietnamese and is answered as it is, not hidden behind "see the logs" like a failure.
export class JobRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobRefusedError';
  }
}
