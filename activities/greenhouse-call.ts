import { toApplicationFailure } from '../greenhouse/temporal-failure';

/** Runs Greenhouse work inside an activity so its errors reach Temporal as typed, retry-aware failures. */
export async function greenhouseCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApplicationFailure(error);
  }
}
