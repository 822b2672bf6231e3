// Time for people is WIB (Asia/Jakarta); storage is UTC ISO-8601.

import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const WIB = 'Asia/Jakarta';

/** The WIB calendar date of an instant, YYYY-MM-DD. */
export const wibDate = (at: Date): string => format(new TZDate(at, WIB), 'yyyy-MM-dd');
