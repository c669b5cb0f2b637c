import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// Loading the model costs time and memory: one instance per process for queries (the index build
// uses a lighter pipeline of the same model, src/index/chunk.ts).
export const nlp = winkNLP(model);
export const its = nlp.its;
