// The reference: @vladmandic/face-api itself (TensorFlow.js WASM backend, one thread) on the same images as
// FaceMesh.Bench. Uses the pinned packages of tests/reference (run `npm ci` there first).
// Usage: node bench/face-api-reference.js <fixtures folder> [iterations]
'use strict';
const path = require('path');
const ref = path.resolve(__dirname, '..', 'tests', 'reference', 'node_modules');
const sharp = require(path.join(ref, 'sharp'));
const faceapi = require(path.join(ref, '@vladmandic/face-api/dist/face-api.node-wasm.js'));
const wasm = require(path.join(ref, '@tensorflow/tfjs-backend-wasm'));

const fixtures = path.resolve(process.argv[2] || path.join(__dirname, '..', 'tests', 'fixtures'));
const iterations = Number(process.argv[3] || 10);

async function load(file) {
  const { data, info } = await sharp(path.join(fixtures, file), { ignoreIcc: true }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return faceapi.tf.tensor3d(new Uint8Array(data), [info.height, info.width, 3], 'int32');
}

async function time(action) {
  await action();
  await action();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await action();
  return Number(process.hrtime.bigint() - start) / 1e6 / iterations;
}

async function main() {
  wasm.setWasmPaths(path.join(ref, '@tensorflow/tfjs-backend-wasm/dist/'));
  faceapi.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await faceapi.tf.setBackend('wasm');
  await faceapi.tf.ready();
  const modelDir = path.join(ref, '@vladmandic/face-api/model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);

  const frame = await load('people/obama/obama-720p.jpg');
  const ssd = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 });
  const [detection] = await faceapi.detectAllFaces(frame, ssd);
  const [faceCrop] = await faceapi.extractFaceTensors(frame, [detection]);

  const rows = [
    ['SSD detection, 720p frame', await time(() => faceapi.detectAllFaces(frame, ssd))],
    ['tiny detection, 720p frame', await time(() => faceapi.detectAllFaces(frame, new faceapi.TinyFaceDetectorOptions()))],
    ['landmarks, per face', await time(() => faceapi.nets.faceLandmark68Net.detectLandmarks(faceCrop))],
    ['descriptor, per face', await time(() => faceapi.nets.faceRecognitionNet.computeFaceDescriptor(faceCrop))],
  ];
  console.log(`# face-api.js ${require(path.join(ref, '@vladmandic/face-api/package.json')).version}, tfjs ${faceapi.tf.version.tfjs}, backend ${faceapi.tf.getBackend()} (one thread), ${iterations} iterations after 2 warm-ups`);
  console.log('| measure | ms |');
  console.log('|---|---|');
  for (const [label, ms] of rows) console.log(`| ${label} | ${ms.toFixed(1)} |`);
}

main().catch((e) => { console.error(e); process.exit(1); });
