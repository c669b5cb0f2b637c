import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// Loading the model takes ~100 ms and a few MB: one instance per process.
export const nlp = winkNLP(model);
export const its = nlp.its;
