/**
 * zod schemas of annotation data, shared by the store (files on disk) and import. They live in the
 * contract (the model's one source) and are re-exported here for the services.
 */
export { annotationSchema, clauseIdSchema, isoDate, LIMITS, rowIdSchema } from '../../contract/ipc';
