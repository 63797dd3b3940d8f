/**
 * zod schemas of annotation data, shared by the store (files on disk) and import. They live in the
 * contract (the model's one source) and are re-exported here for the services — from the modules
 * that define them, not the contract's index, so that the import worker's bundle holds only these
 * (not every channel's schemas, built when the worker starts).
 */
export { annotationSchema, isoDate } from '../../contract/annotations';
export { clauseIdSchema, rowIdSchema } from '../../contract/ids';
export { LIMITS } from '../../contract/limits';
