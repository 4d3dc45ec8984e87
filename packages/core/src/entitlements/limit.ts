/** A limit: a count, or no limit at all. 0 means "not granted". */
export type Limit = number | 'unlimited';
