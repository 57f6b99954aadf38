import { z } from 'zod';

/** The largest value of a PostgreSQL integer (int4) column or id. */
export const INT4_MAX = 2 ** 31 - 1;

/** Text PostgreSQL can store: no NUL character (PostgreSQL text cannot hold U+0000). */
export const storableString = () => z.string().refine((s) => !s.includes('\u0000'), 'contains a NUL character (U+0000), which cannot be stored');

/** An integer that fits an int4 column or id. */
export const int4 = () => z.number().int().min(-INT4_MAX - 1).max(INT4_MAX);
