import { parseWhisperJson as sut } from './whisper-json.parser';

// The shape examples/main/main.cpp writes for --output-json-full with -ml 1 -sow (abridged header).
const FULL_JSON = `{
  "systeminfo": "AVX = 1 | AVX2 = 1 | AVX512 = 0 | FMA = 1 | NEON = 0 | ARM_FMA = 0 | F16C = 1 | FP16_VA = 0 | WASM_SIMD = 0 | BLAS = 0 | SSE3 = 1 | SSSE3 = 1 | VSX = 0 | CUDA = 0 | COREML = 0 | OPENVINO = 0 | ",
  "model": { "type": "base", "multilingual": false, "vocab": 51864, "audio": { "ctx": 1500, "state": 512, "head": 8, "layer": 6 }, "text": { "ctx": 448, "state": 512, "head": 8, "layer": 6 }, "mels": 80, "ftype": 1 },
  "params": { "model": "models/ggml-base.en.bin", "language": "en", "translate": false },
  "result": { "language": "en" },
  "transcription": [
    {
      "timestamps": { "from": "00:00:00,000", "to": "00:00:00,640" },
      "offsets": { "from": 0, "to": 640 },
      "text": " Hello,",
      "tokens": [
        { "text": "[_BEG_]", "timestamps": { "from": "00:00:00,000", "to": "00:00:00,000" }, "offsets": { "from": 0, "to": 0 }, "id": 50363, "p": 0.97 },
        { "text": " Hello", "timestamps": { "from": "00:00:00,000", "to": "00:00:00,520" }, "offsets": { "from": 0, "to": 520 }, "id": 18435, "p": 0.9 },
        { "text": ",", "timestamps": { "from": "00:00:00,520", "to": "00:00:00,640" }, "offsets": { "from": 520, "to": 640 }, "id": 11, "p": 0.7 }
      ]
    },
    {
      "timestamps": { "from": "00:00:00,640", "to": "00:00:01,780" },
      "offsets": { "from": 640, "to": 1780 },
      "text": " Northwind",
      "tokens": [
        { "text": " North", "timestamps": { "from": "00:00:00,640", "to": "00:00:01,100" }, "offsets": { "from": 640, "to": 1100 }, "id": 4249, "p": 0.6 },
        { "text": "wind", "timestamps": { "from": "00:00:01,100", "to": "00:00:01,780" }, "offsets": { "from": 1100, "to": 1780 }, "id": 7972, "p": 0.4 },
        { "text": "[_TT_89]", "timestamps": { "from": "00:00:01,780", "to": "00:00:01,780" }, "offsets": { "from": 1780, "to": 1780 }, "id": 50452, "p": 0.2 }
      ]
    }
  ]
}`;

describe('parseWhisperJson', () => {
  it('reads segments with millisecond offsets and the mean probability of their text tokens', () => {
    const segments = sut(FULL_JSON);

    expect(segments).toEqual([
      { startMs: 0, endMs: 640, text: 'Hello,', confidence: expect.closeTo(0.8, 5) },
      { startMs: 640, endMs: 1780, text: 'Northwind', confidence: expect.closeTo(0.5, 5) },
    ]);
  });

  it('rejects text that is not JSON with unparsable_output', () => {
    expect(() => sut('{"transcription": [')).toThrow(expect.objectContaining({ code: 'unparsable_output' }));
  });

  it('rejects JSON without a transcription list', () => {
    expect(() => sut('{"result": {}}')).toThrow(expect.objectContaining({ code: 'unparsable_output' }));
  });
});
