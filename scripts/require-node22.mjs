// Zapier runs core 19 apps on Node 22 and its CLI refuses older Node: fail early and say why.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 22) {
  console.error(
    `This project runs on Node 22 (found ${process.version}). ` +
      'Run it through npm scripts, which use the Node 22 installed by `npm ci` (package "node").',
  );
  process.exit(1);
}
