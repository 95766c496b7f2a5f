"""An int8 ONNX Runtime copy of the sentence-transformers model: questions embed in half the time on CPU.

Exported at set-up from the offline model folder (no download): the transformer goes through
`torch.onnx.export`, then ONNX Runtime's dynamic int8 quantisation (weights int8, activations
quantised on the fly). It is used only if its vectors stay within `MIN_COSINE` of the fp32
model's on a fixed set of Arabic sentences; `verify` writes that check's result beside the file.

The sentence-transformers pipeline stays as it is (tokenizer, mean pooling, normalisation): only
the transformer module's inner model is swapped for a torch module that runs the ONNX session
(`use_int8`). (sentence-transformers' own `backend="onnx"` needs optimum-onnx, which pins
transformers < 4.58.)
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import time
import warnings
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

ONNX_FOLDER = "onnx"
INT8_FILE = "model_int8.onnx"
CHECK_FILE = "model_int8.check.json"
MIN_COSINE = 0.99
# The check's sentences: news prose of several lengths, with digits, Latin script and dialect.
CHECK_SENTENCES = (
    "passage: أجرى وزيرا الخارجية مكالمة هاتفية يوم الاثنين وناقشا الخطوات التالية بعد القمة.",
    "passage: ارتفعت أسعار الغاز بنسبة 20 في المائة منذ بداية جانفي 2017 حسب الشركة التونسية للكهرباء والغاز.",
    "passage: قال المدرب إن الفريق سيواجه منافسه يوم السبت على ملعب رادس أمام 60 ألف متفرج.",
    "passage: The summit in Budapest was postponed, officials told CNN on Tuesday.",
    "query: شكون اللي ربح الماتش البارح؟",
    "query: متى تنطلق الحملة الانتخابية؟",
    "passage: " + " ".join(["تحدث المسؤولون عن الاقتصاد والتعليم والصحة في اجتماع طويل"] * 20),
    "passage: وأكد صاحب المشروع أن الاستعدادات جارية على قدم وساق وأن أولى الرحلات ستنطلق مع بداية سبتمبر القادم.",
)


def int8_path(model_dir: Path) -> Path:
    """Where a model folder's int8 ONNX file lives: a sibling folder, so that the model folder's
    verification stamp (which covers its files) stays valid."""
    model_dir = Path(model_dir)
    return model_dir.parent / f"{model_dir.name}-{ONNX_FOLDER}" / INT8_FILE


def export_int8(st_model, out: Path) -> Path:
    """Export a loaded SentenceTransformer's transformer to ONNX and quantise it to int8 at `out`;
    returns `out`. Raises when onnx or onnxruntime is missing or the export fails."""
    import torch

    _onnxruntime()
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    bert = st_model[0].model

    class _LastHidden(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask):
            return self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    sample = st_model.tokenizer(["query: مرحبا", "passage: نص أطول قليلا للتجربة"], padding=True, return_tensors="pt")
    fp32 = out.with_name("model_fp32.onnx")
    dynamic = {name: {0: "batch", 1: "tokens"} for name in ("input_ids", "attention_mask", "last_hidden_state")}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tracer's notes on BERT's shape arithmetic
        torch.onnx.export(_LastHidden(bert), (sample["input_ids"], sample["attention_mask"]), str(fp32),
                          input_names=["input_ids", "attention_mask"], output_names=["last_hidden_state"],
                          dynamic_axes=dynamic, opset_version=17, dynamo=False)
    tmp = out.with_suffix(".tmp")
    # Per-channel int8 weights; the first and last layers stay fp32 (quantising them costs the most
    # accuracy: all layers int8 gave a minimum cosine of 0.989 on 296 news passages, this 0.993).
    import onnx

    graph = onnx.load(str(fp32), load_external_data=False).graph
    ends = ("/layer.0/", f"/layer.{bert.config.num_hidden_layers - 1}/")
    keep = [n.name for n in graph.node if n.op_type == "MatMul" and any(end in n.name for end in ends)]
    quiet = logging.getLogger().level
    logging.getLogger().setLevel(logging.ERROR)  # the quantiser's advice to pre-process is for convolutions
    try:
        # Only products with a weight matrix: the attention scores (activation x activation) would be
        # quantised per call, which costs more than it saves on long passages.
        quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True, nodes_to_exclude=keep,
                         extra_options={"MatMulConstBOnly": True})
    finally:
        logging.getLogger().setLevel(quiet)
    tmp.replace(out)
    fp32.unlink()
    return out


def main() -> int:
    """`python -m index.onnx_int8`: export and check the default model's int8 encoder (set-up step)."""
    from bot.settings import load_settings
    from index.embeddings import ModelError, create_embeddings, resolve_model_path

    settings = load_settings()
    if settings.embedding_backend != "onnx-int8":
        print("EMBEDDING_BACKEND is torch: no int8 encoder needed")
        return 0
    try:  # loading the int8 encoder exports and checks it first when needed
        create_embeddings(settings.embedding_model, settings.model_dir, settings.torch_threads, "onnx-int8")
    except ModelError as exc:
        print(f"error: {exc}")
        return 1
    path = int8_path(resolve_model_path(settings.embedding_model, settings.model_dir))
    check = json.loads(path.with_name(CHECK_FILE).read_text())
    print(f"int8 encoder ready at {path} ({path.stat().st_size / 1e6:.0f} MB, min cosine {check['min_cosine']})")
    return 0


def _onnxruntime():
    """The onnxruntime module, imported with its usage telemetry off. Since 1.29 it starts a telemetry
    client when its library loads (a device id under `$XDG_CACHE_HOME/Microsoft`, uploads to
    events.data.microsoft.com); an offline bot sends nothing, so ORT_DISABLE_TELEMETRY is set first
    unless the operator set it."""
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    return importlib.import_module("onnxruntime")


def int8_session(path: Path, threads: int):
    """An ONNX Runtime CPU session over the int8 file: `threads` intra-op threads, one inter-op."""
    ort = _onnxruntime()

    options = ort.SessionOptions()
    options.intra_op_num_threads = max(1, threads)
    options.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _ort_module(path: Path, threads: int, config):
    """A torch module (no parameters of its own) that stands in for the Hugging Face model inside
    sentence-transformers' Transformer module: `forward(input_ids, attention_mask)` →
    {"last_hidden_state": (batch, tokens, hidden) float32}, run by an ONNX Runtime session."""
    import torch

    session = int8_session(path, threads)

    class OrtModule(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.config = config

        def forward(self, input_ids, attention_mask, **_: object) -> dict:
            hidden = session.run(None, {
                "input_ids": input_ids.cpu().numpy().astype(np.int64),
                "attention_mask": attention_mask.cpu().numpy().astype(np.int64),
            })[0]
            return {"last_hidden_state": torch.from_numpy(hidden)}

    return OrtModule()


def use_int8(st_model, path: Path, threads: int) -> None:
    """Swap a SentenceTransformer's transformer for the int8 ONNX session, in place; the torch
    weights are dropped (the ONNX file holds its own)."""
    transformer = st_model[0]
    transformer.model = _ort_module(path, threads, transformer.model.config)
    transformer.model_forward_params = None


def verify(st_model, path: Path, threads: int) -> float:
    """Lowest cosine between the fp32 model's vectors and the int8 file's over CHECK_SENTENCES;
    written to CHECK_FILE beside the file. The fp32 model is left as it was."""
    reference = np.asarray(st_model.encode(list(CHECK_SENTENCES), normalize_embeddings=True))
    original = st_model[0].model
    forward_params = st_model[0].model_forward_params
    try:
        use_int8(st_model, path, threads)
        quantised = np.asarray(st_model.encode(list(CHECK_SENTENCES), normalize_embeddings=True))
    finally:
        st_model[0].model = original
        st_model[0].model_forward_params = forward_params
    cosine = float((reference * quantised).sum(axis=1).min())
    check = Path(path).with_name(CHECK_FILE)
    check.write_text(json.dumps({"min_cosine": round(cosine, 6), "ok": cosine >= MIN_COSINE,
                                 "file_bytes": Path(path).stat().st_size, "checked_at": time.time()}) + "\n")
    return cosine


def checked_ok(path: Path) -> bool:
    """Whether the int8 file exists and passed its check (and has not changed since)."""
    check = Path(path).with_name(CHECK_FILE)
    if not Path(path).exists() or not check.exists():
        return False
    try:
        data = json.loads(check.read_text())
    except ValueError:
        return False
    return bool(data.get("ok")) and data.get("file_bytes") == Path(path).stat().st_size


if __name__ == "__main__":
    raise SystemExit(main())
