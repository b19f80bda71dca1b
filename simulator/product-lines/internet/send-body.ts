import type { ValidationProblem } from '../../validation';
import { parseJsonObject, parseRef, required } from '../topup-kit';
import { isInternetType, type InternetType } from './products';

export interface InternetSendBody {
  type: InternetType;
  number: string;
  value: number;
  ref: string | null;
}

/** The schema checks of POST /v3/internet/send (`{type, number, value, ref?}`); the number's format is ERR_PHONE's, later. */
export function parseInternetSend(raw: string): { ok: true; value: InternetSendBody } | { ok: false; problem: ValidationProblem } {
  const parsed = parseJsonObject(raw, ['type', 'number', 'value', 'ref']);
  if (!parsed.ok) return parsed;
  const { body } = parsed;
  if (body.type === undefined) return { ok: false, problem: required('type') };
  if (!isInternetType(body.type))
    return { ok: false, problem: { field: 'type', message: 'body/type must be equal to one of the allowed values (ADSL, 4G)', value: body.type } };
  if (body.number === undefined) return { ok: false, problem: required('number') };
  if (typeof body.number !== 'string') return { ok: false, problem: { field: 'number', message: 'body/number must be string', value: body.number } };
  if (body.value === undefined) return { ok: false, problem: required('value') };
  if (typeof body.value !== 'number' || !Number.isInteger(body.value) || body.value <= 0) {
    return { ok: false, problem: { field: 'value', message: 'body/value must be a positive integer', value: body.value } };
  }
  const ref = parseRef(body);
  if (!ref.ok) return ref;
  return { ok: true, value: { type: body.type, number: body.number, value: body.value, ref: ref.ref } };
}
