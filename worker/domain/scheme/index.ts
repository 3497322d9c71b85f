/*
 * The scheme domain (考核方案): content shape, validation, exact scoring and built-in
 * templates. Pure: no I/O, so the API, imports and previews all score the same way.
 */
export { bandByGrade, gradeFor, lowestBand } from './bands';
export * from './content';
export { centiToNumber, formatCenti, fromCenti, rational, toCenti } from './decimal';
export { fieldLabel, type SchemeErrorCode, schemeErrorCodes } from './errors';
export { inputKindOf } from './fit';
export * from './inputs';
export * from './score';
export { findTemplate, type SchemeTemplate, templates } from './templates';
export * from './validate';
