// The core's dispatcher is the shared one (shared/ipc/router.ts): the review-bundle viewer answers its subset with the same code.
export { createRouter, type ErrorReporter, type Handler, type Handlers, type Router } from '../../../shared/ipc/router';
