// File contents for the generated repositories. Ordinary code is varied enough that Semgrep has to parse
// real functions; a minority of files get a planted weakness (the kind Vouch's rules and Checkov look for)
// so the normalize and judge steps have findings to work through, as on a real AI-written codebase.
import { fakePrivateKey, fakeSecret } from './secrets.js';

const WORDS = [
  'account',
  'order',
  'invoice',
  'customer',
  'session',
  'report',
  'payment',
  'catalog',
  'ticket',
  'profile',
  'shipment',
  'review',
  'upload',
  'audit',
  'metric',
  'tenant',
  'webhook',
  'export',
  'schedule',
  'inventory',
];

export function word(rng) {
  return rng.pick(WORDS);
}

function capitalized(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(rng, words) {
  return Array.from({ length: words }, () => word(rng)).join(' ');
}

// ---------------------------------------------------------------- Python

const PYTHON_WEAKNESSES = [
  {
    imports: ['yaml'],
    code: 'def load_settings(path):\n    with open(path) as handle:\n        return yaml.load(handle)\n',
  },
  { imports: ['os'], code: 'def ping(host):\n    return os.system("ping -c 1 " + host)\n' },
  {
    imports: ['subprocess'],
    code: 'def list_dir(name):\n    return subprocess.check_output("ls -la " + name, shell=True)\n',
  },
  {
    imports: ['hashlib'],
    code: 'def hash_password(password):\n    return hashlib.md5(password.encode()).hexdigest()\n',
  },
  {
    imports: [],
    code: 'def find_user(cursor, user_id):\n    cursor.execute("SELECT * FROM users WHERE id = \'%s\'" % user_id)\n    return cursor.fetchone()\n',
  },
  {
    imports: ['pickle', 'from flask import Flask, request'],
    code: 'app = Flask(__name__)\n\n\n@app.route("/restore", methods=["POST"])\ndef restore():\n    return pickle.loads(request.data)\n',
  },
];

function pythonFunction(rng, index) {
  const noun = word(rng);
  const field = word(rng);
  return [
    `    def ${noun}_${index}(self, ${field}_id, limit=${rng.int(5, 100)}):`,
    `        """Return up to limit ${noun} records linked to the ${field}."""`,
    '        found = []',
    `        for item in self.store.find("${noun}", ${field}_id):`,
    `            if item.get("${field}") is not None and len(found) < limit:`,
    `                found.append({"id": item["id"], "${field}": item["${field}"]})`,
    `        logger.debug("${noun}: %d result(s)", len(found))`,
    '        return found',
    '',
  ].join('\n');
}

function importLine(name) {
  return name.startsWith('from ') ? name : `import ${name}`;
}

export function pythonModule(rng, { weakness, secret }) {
  const planted = weakness ? rng.pick(PYTHON_WEAKNESSES) : undefined;
  const imports = [...new Set(['json', 'logging', ...(planted?.imports ?? [])])].map(importLine);
  const noun = capitalized(word(rng));
  const methods = Array.from({ length: rng.int(3, 10) }, (_, i) => pythonFunction(rng, i));
  const lines = [
    `"""${noun} service (generated for the Vouch benchmark)."""`,
    ...imports,
    '',
    'logger = logging.getLogger(__name__)',
    '',
  ];
  if (secret) lines.push(pythonSecret(rng), '');
  lines.push(
    '',
    `class ${noun}Service:`,
    '    def __init__(self, store):',
    '        self.store = store',
    '',
    ...methods,
  );
  lines.push('    def to_json(self, value):', '        return json.dumps(value, sort_keys=True)', '');
  if (planted) lines.push('', planted.code);
  return `${lines.join('\n')}\n`;
}

function pythonSecret(rng) {
  const { name, value } = fakeSecret(rng);
  return `${name} = "${value}"`;
}

// ---------------------------------------------------------------- JavaScript and TypeScript

const JS_WEAKNESSES = [
  {
    require: "const { exec } = require('child_process');",
    importLine: "import { exec } from 'node:child_process';",
    code: "function listFiles(req, res) {\n  exec('ls -la ' + req.query.dir, (error, output) => res.send(output));\n}\n",
  },
  { code: "function parseBody(body) {\n  return eval('(' + body + ')');\n}\n" },
  { code: "function greet(req, res) {\n  res.send('<h1>Hello ' + req.query.name + '</h1>');\n}\n" },
  {
    code: 'function resetToken() {\n  const token = Math.random().toString(36).slice(2);\n  return token;\n}\n',
  },
  {
    require: "const crypto = require('crypto');",
    importLine: "import crypto from 'node:crypto';",
    code: "function hashPassword(password) {\n  return crypto.createHash('md5').update(password).digest('hex');\n}\n",
  },
  { code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n" },
];

function jsFunction(rng, name, typed) {
  const noun = word(rng);
  const field = word(rng);
  const param = typed ? `items: Array<Record<string, unknown>>, ${field}Id: string` : `items, ${field}Id`;
  const returns = typed ? ': Array<Record<string, unknown>>' : '';
  return [
    `${typed ? 'export ' : ''}function ${name}(${param})${returns} {`,
    `  const found = items.filter((item) => item.${field} === ${field}Id);`,
    `  if (found.length > ${rng.int(5, 50)}) {`,
    `    console.warn('${noun}: many results', found.length);`,
    '  }',
    `  return found.map((item) => ({ ...item, ${noun}: true }));`,
    '}',
    '',
  ].join('\n');
}

/** CommonJS for .js files, ES modules with types for .ts files. */
export function jsModule(rng, { weakness, secret, typed }) {
  const planted = weakness ? rng.pick(JS_WEAKNESSES) : undefined;
  const lines = [`// ${capitalized(word(rng))} helpers (generated for the Vouch benchmark).`];
  lines.push(typed ? "import path from 'node:path';" : "'use strict';\nconst path = require('path');");
  if (planted?.require) lines.push(typed ? planted.importLine : planted.require);
  lines.push('');
  if (secret) {
    const { name, value } = fakeSecret(rng);
    lines.push(`const ${name} = '${value}';`, '');
  }
  const names = Array.from({ length: rng.int(3, 10) }, (_, i) => `${word(rng)}${i}`);
  for (const name of names) lines.push(jsFunction(rng, name, typed));
  lines.push(`const base = path.join('${word(rng)}', '${word(rng)}');`, '');
  if (planted) lines.push(planted.code);
  lines.push(typed ? `export { base };` : `module.exports = { base, ${names.join(', ')} };`);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- Go

const GO_WEAKNESSES = [
  {
    imports: ['os/exec'],
    code: 'func Run(name string) ([]byte, error) {\n\treturn exec.Command("sh", "-c", "echo "+name).Output()\n}\n',
  },
  {
    imports: ['crypto/tls', 'net/http'],
    code: 'func Client() *http.Client {\n\treturn &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}\n}\n',
  },
  {
    imports: ['database/sql'],
    code: 'func Find(db *sql.DB, id string) (*sql.Rows, error) {\n\treturn db.Query(fmt.Sprintf("SELECT * FROM users WHERE id = \'%s\'", id))\n}\n',
  },
  {
    imports: ['crypto/md5'],
    code: 'func HashPassword(password string) [16]byte {\n\treturn md5.Sum([]byte(password))\n}\n',
  },
];

function goFunction(rng, type, index) {
  const noun = capitalized(word(rng));
  return [
    `// ${noun}${index} counts the ${noun.toLowerCase()} entries whose name contains the input.`,
    `func (t *${type}) ${noun}${index}(input string) (int, error) {`,
    '\tcount := 0',
    '\tfor _, entry := range t.Entries {',
    '\t\tif strings.Contains(entry, input) {',
    '\t\t\tcount++',
    '\t\t}',
    '\t}',
    `\tif count > ${rng.int(5, 500)} {`,
    `\t\treturn count, fmt.Errorf("too many ${noun.toLowerCase()} entries: %d", count)`,
    '\t}',
    '\treturn count, nil',
    '}',
    '',
  ].join('\n');
}

export function goFile(rng, { pkg, weakness, secret }) {
  const planted = weakness ? rng.pick(GO_WEAKNESSES) : undefined;
  const imports = [...new Set(['fmt', 'strings', ...(planted?.imports ?? [])])].sort();
  const type = `${capitalized(word(rng))}Store`;
  const lines = [`package ${pkg}`, '', 'import (', ...imports.map((name) => `\t"${name}"`), ')', ''];
  if (secret) {
    const { name, value } = fakeSecret(rng);
    lines.push(`const ${name.replace(/[^A-Za-z0-9]/g, '')} = "${value}"`, '');
  }
  lines.push(`type ${type} struct {`, '\tEntries []string', '}', '');
  const count = rng.int(3, 8);
  for (let i = 0; i < count; i += 1) lines.push(goFunction(rng, type, i));
  if (planted) lines.push(planted.code);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- Infrastructure as code

export function terraformFile(rng, { index, weakness }) {
  const name = `${word(rng)}_${index}`;
  const bucket = [
    `resource "aws_s3_bucket" "${name}" {`,
    `  bucket = "bench-${name.replace(/_/g, '-')}"`,
    '  tags = {',
    `    team = "${word(rng)}"`,
    '  }',
    '}',
    '',
  ];
  const open = [
    `resource "aws_security_group" "${name}_ssh" {`,
    `  name        = "${name}-ssh"`,
    '  description = "ssh access"',
    '  ingress {',
    '    from_port   = 22',
    '    to_port     = 22',
    '    protocol    = "tcp"',
    '    cidr_blocks = ["0.0.0.0/0"]',
    '  }',
    '}',
    '',
  ];
  const variable = [`variable "${name}_region" {`, '  type    = string', '  default = "eu-west-1"', '}', ''];
  return [...variable, ...bucket, ...(weakness ? open : [])].join('\n');
}

export function kubernetesManifest(rng, { index, weakness }) {
  const app = `${word(rng)}-${index}`;
  const security = weakness
    ? ['          securityContext:', '            privileged: true']
    : [
        '          securityContext:',
        '            runAsNonRoot: true',
        '            readOnlyRootFilesystem: true',
      ];
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${app}`,
    'spec:',
    `  replicas: ${rng.int(1, 4)}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${app}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${app}`,
    '    spec:',
    '      containers:',
    '        - name: app',
    `          image: registry.example.com/${app}:${weakness ? 'latest' : `1.${rng.int(0, 9)}.0`}`,
    '          ports:',
    '            - containerPort: 8080',
    ...security,
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${app}`,
    'spec:',
    '  selector:',
    `    app: ${app}`,
    '  ports:',
    '    - port: 80',
    '      targetPort: 8080',
    '',
  ].join('\n');
}

export function workflow(rng, { index, weakness }) {
  const risky = weakness
    ? ['      - name: Greet', '        run: echo "Thanks for ${{ github.event.pull_request.title }}"']
    : [];
  return [
    `name: ci-${index}`,
    'on:',
    '  pull_request:',
    '  push:',
    '    branches: [main]',
    ...(weakness ? [] : ['permissions:', '  contents: read']),
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    `          node-version: ${rng.pick([20, 22, 24])}`,
    '      - run: npm ci',
    `      - run: npm test -- --shard=${index}`,
    ...risky,
    '',
  ].join('\n');
}

export function dockerfile(rng, { language, weakness }) {
  const image = {
    python: 'python:3.12-slim',
    javascript: 'node:22-slim',
    typescript: 'node:22-slim',
    go: 'golang:1.23',
  }[language];
  const install = {
    python: 'RUN pip install --no-cache-dir -r requirements.txt',
    javascript: 'RUN npm ci --omit=dev',
    typescript: 'RUN npm ci && npm run build',
    go: 'RUN go build -o /app/server ./...',
  }[language];
  return [
    `FROM ${weakness ? image.replace(/:.*/, ':latest') : image}`,
    'WORKDIR /app',
    'COPY . .',
    install,
    ...(weakness ? ['RUN curl -fsSL https://install.example.com/setup.sh | sh'] : ['USER 10001']),
    `EXPOSE ${rng.int(3000, 9000)}`,
    'CMD ["./start"]',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- Dependency manifests

const NPM_PACKAGES = [
  ['express', '4.17.1'],
  ['lodash', '4.17.20'],
  ['axios', '0.21.1'],
  ['jsonwebtoken', '8.5.1'],
  ['moment', '2.29.1'],
  ['minimist', '1.2.5'],
  ['debug', '4.3.1'],
  ['chalk', '4.1.0'],
  ['uuid', '8.3.2'],
  ['dotenv', '8.2.0'],
  ['cors', '2.8.5'],
  ['body-parser', '1.19.0'],
  ['yargs', '16.2.0'],
  ['semver', '7.3.4'],
];
const PYPI_PACKAGES = [
  ['flask', '2.0.1'],
  ['requests', '2.25.1'],
  ['pyyaml', '5.3.1'],
  ['django', '3.1.0'],
  ['jinja2', '2.11.2'],
  ['urllib3', '1.26.4'],
  ['sqlalchemy', '1.4.0'],
  ['click', '7.1.2'],
  ['pydantic', '1.8.0'],
  ['boto3', '1.17.0'],
];

function someOf(rng, list, min, max) {
  const chosen = new Map();
  const count = rng.int(min, max);
  while (chosen.size < count) {
    const [name, version] = rng.pick(list);
    chosen.set(name, version);
  }
  return [...chosen].sort(([a], [b]) => a.localeCompare(b));
}

/** package.json and a lockfileVersion 3 package-lock.json naming the same packages. */
export function npmManifests(rng, { name }) {
  const deps = someOf(rng, NPM_PACKAGES, 3, 9);
  const dependencies = Object.fromEntries(deps.map(([dep, version]) => [dep, `^${version}`]));
  const manifest = { name, version: '1.0.0', private: true, dependencies };
  const packages = { '': { name, version: '1.0.0', dependencies } };
  for (const [dep, version] of deps) {
    packages[`node_modules/${dep}`] = {
      version,
      resolved: `https://registry.npmjs.org/${dep}/-/${dep}-${version}.tgz`,
    };
  }
  const lock = { name, version: '1.0.0', lockfileVersion: 3, requires: true, packages };
  return {
    packageJson: `${JSON.stringify(manifest, null, 2)}\n`,
    packageLock: `${JSON.stringify(lock, null, 2)}\n`,
  };
}

export function requirementsTxt(rng) {
  return `${someOf(rng, PYPI_PACKAGES, 3, 7)
    .map(([dep, version]) => `${dep}==${version}`)
    .join('\n')}\n`;
}

export function goMod(rng, { module }) {
  return [
    `module ${module}`,
    '',
    'go 1.22',
    '',
    'require (',
    '\tgithub.com/gin-gonic/gin v1.7.0',
    `\tgolang.org/x/text v0.3.${rng.int(0, 7)}`,
    ')',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- Everything else

export function markdown(rng, { title }) {
  const paragraphs = Array.from(
    { length: rng.int(2, 8) },
    () => `${capitalized(sentence(rng, rng.int(20, 60)))}.`,
  );
  return `# ${title}\n\n${paragraphs.join('\n\n')}\n`;
}

export function jsonConfig(rng) {
  const settings = Object.fromEntries(
    Array.from({ length: rng.int(3, 12) }, (_, i) => [`${word(rng)}_${i}`, rng.int(0, 1000)]),
  );
  return `${JSON.stringify({ name: word(rng), enabled: rng.chance(0.5), settings }, null, 2)}\n`;
}

/** A .env file; `secret` makes one of its values credential-shaped. */
export function envFile(rng, { secret }) {
  const lines = [
    `APP_NAME=${word(rng)}`,
    `PORT=${rng.int(3000, 9000)}`,
    `LOG_LEVEL=${rng.pick(['debug', 'info', 'warn'])}`,
  ];
  if (secret) {
    const { name, value } = fakeSecret(rng);
    lines.push(`${name.toUpperCase()}=${value}`);
  }
  return `${lines.join('\n')}\n`;
}

export function privateKeyFile(rng) {
  return `${fakePrivateKey(rng)}\n`;
}

/** Many-line JavaScript as a committed vendor bundle would be: large but ordinary for Semgrep. */
export function bundle(rng, bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    const part = jsFunction(rng, `vendor${i}`, false);
    parts.push(part);
    size += part.length;
  }
  return parts.join('\n');
}

/** CSV rows: a large text file every scanner that reads all files has to get through. */
export function csv(rng, bytes) {
  const rows = ['id,name,amount,created'];
  let size = rows[0].length;
  for (let i = 0; size < bytes; i += 1) {
    const row = `${i},${word(rng)}-${rng.int(0, 99999)},${rng.int(0, 1e6)},2024-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
    rows.push(row);
    size += row.length + 1;
  }
  return `${rows.join('\n')}\n`;
}
