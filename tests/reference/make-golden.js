// Runs @vladmandic/face-api itself (TensorFlow.js, WASM backend, one thread) on the fixture photos and writes what it
// finds to golden/face-api.json: the decoded pixels' SHA-256 (so the C# side can prove it fed the same pixels), and per
// face the detection box, the crop rectangles face-api.js fed its landmark and recognition nets, 68 landmarks and the
// 128-d descriptor. Regenerate with `npm ci && node make-golden.js`; never edit the output by hand.
// `--out FILE` writes elsewhere; `--check FILE` fails when FILE differs from a fresh run (CI uses both).
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const sharp = require('sharp');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const repoRoot = path.resolve(__dirname, '..', '..');
const fixtures = path.join(repoRoot, 'tests', 'fixtures');
const modelDir = path.dirname(require.resolve('@vladmandic/face-api/package.json')) + '/model';
const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist/';

function listImages() {
  const out = [];
  for (const group of ['people', 'scenes', 'odd']) {
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(jpe?g|png)$/i.test(entry.name)) out.push(path.relative(fixtures, full));
      }
    };
    walk(path.join(fixtures, group));
  }
  return out;
}

async function decode(file) {
  // ignoreIcc: OpenCV does not apply embedded colour profiles, and both sides must see the same pixels.
  const { data, info } = await sharp(path.join(fixtures, file), { ignoreIcc: true }).removeAlpha()
    .raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`${file}: expected 3 channels, got ${info.channels}`);
  return { data, width: info.width, height: info.height };
}

const rect = (box) => ({ x: box.x, y: box.y, width: box.width, height: box.height });
const round = (values, digits = 4) => Array.from(values, (v) => Number(v.toFixed(digits)));

async function main() {
  require('@tensorflow/tfjs-backend-wasm').setWasmPaths(wasmDir);
  faceapi.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await faceapi.tf.setBackend('wasm');
  await faceapi.tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);

  const images = [];
  for (const file of listImages()) {
    const { data, width, height } = await decode(file);
    const tensor = faceapi.tf.tensor3d(new Uint8Array(data), [height, width, 3], 'int32');
    const results = await faceapi.detectAllFaces(tensor, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 }))
      .withFaceLandmarks().withFaceDescriptors();
    const tiny = await faceapi.detectAllFaces(tensor, new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 }));
    tensor.dispose();
    images.push({
      file,
      width,
      height,
      rgbSha256: crypto.createHash('sha256').update(data).digest('hex'),
      faces: results.map((r) => ({
        score: Number(r.detection.score.toFixed(6)),
        box: rect(r.detection.box),
        landmarkCrop: rect(r.detection.box.clipAtImageBorders(width, height)),
        landmarks: r.landmarks.positions.map((p) => [Number(p.x.toFixed(3)), Number(p.y.toFixed(3))]),
        // face-api.js cuts the descriptor's input with the dlib-style box, not alignedRect (ComputeFaceDescriptorsTasks.ts).
        descriptorCrop: rect(r.landmarks.align(null, { useDlibAlignment: true }).clipAtImageBorders(width, height)),
        descriptor: round(r.descriptor, 6),
      })),
      tinyFaces: tiny.map((d) => ({ score: Number(d.score.toFixed(6)), box: rect(d.box) })),
    });
    process.stderr.write(`${file}: ${results.length} faces (ssd), ${tiny.length} (tiny)\n`);
  }

  const golden = {
    generator: 'tests/reference/make-golden.js',
    faceApi: require('@vladmandic/face-api/package.json').version,
    tfjs: faceapi.tf.version.tfjs,
    backend: faceapi.tf.getBackend(),
    images,
  };
  const text = JSON.stringify(golden, null, 1) + '\n';
  const out = option('--out') || path.join(__dirname, 'golden', 'face-api.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  const check = option('--check');
  if (check && fs.readFileSync(check, 'utf8') !== text) {
    console.error(`${check} differs from what the reference produces now (${out}): regenerate it, never edit it by hand.`);
    process.exit(1);
  }
}

function option(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

main().catch((e) => { console.error(e); process.exit(1); });
