import fc from 'fast-check';

// Property tests explore a fixed sample unless FC_SEED asks for another, so a CI run cannot fail
// on a sample no earlier run saw. Explore with e.g. FC_SEED=$RANDOM npm run test:unit.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261128) });
