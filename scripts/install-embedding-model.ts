// Installs the pinned local embedding model into .tools/embedding-model (CI runs this before the tests;
// `npm start` and `npm run eval:match` do the same on demand).
import { installEmbeddingModel, PROJECT_EMBEDDING_DIR } from '../infra/embedding-model';

const { python } = await installEmbeddingModel({ log: (line) => console.log(line) });
console.log(`Embedding model: ${PROJECT_EMBEDDING_DIR} (run with ${python})`);
