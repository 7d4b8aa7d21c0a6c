import { posix } from 'node:path';

/** What a repository is made of, as far as the security instructions care. */
export interface RepositoryProfile {
  readonly languages: readonly string[];
  readonly frameworks: readonly string[];
  readonly packageManagers: readonly string[];
  readonly platforms: readonly string[];
}

const LANGUAGE_BY_EXTENSION: Readonly<Record<string, string>> = {
  py: 'python',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  go: 'go',
  java: 'java',
  kt: 'java',
  rb: 'ruby',
  php: 'php',
  cs: 'csharp',
  rs: 'rust',
};

const PACKAGE_MANAGER_BY_FILE: Readonly<Record<string, string>> = {
  'package-lock.json': 'npm',
  'npm-shrinkwrap.json': 'npm',
  'pnpm-lock.yaml': 'pnpm',
  'yarn.lock': 'yarn',
  'requirements.txt': 'pip',
  'poetry.lock': 'poetry',
  'uv.lock': 'uv',
  'go.mod': 'go-modules',
  'Cargo.toml': 'cargo',
  'pom.xml': 'maven',
  'build.gradle': 'maven',
  'build.gradle.kts': 'maven',
  Gemfile: 'bundler',
};

/** Dependency names that mean a framework, matched in manifests as whole words. */
const FRAMEWORK_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  flask: ['flask'],
  django: ['django'],
  fastapi: ['fastapi'],
  express: ['express'],
  next: ['next'],
  react: ['react'],
  gin: ['github.com/gin-gonic/gin'],
  jwt: ['jsonwebtoken', 'jose', 'pyjwt', 'github.com/golang-jwt/jwt'],
};

/** The manifests whose text names frameworks; the only files profileOf reads. */
export const MANIFESTS: ReadonlySet<string> = new Set([
  'package.json',
  'requirements.txt',
  'pyproject.toml',
  'go.mod',
  'Pipfile',
]);

function platformsOf(path: string): string[] {
  const name = posix.basename(path);
  const found: string[] = [];
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) found.push('github-actions');
  if (/^(?:Docker|Container)file(?:\.|$)/.test(name) || name.endsWith('.dockerfile')) found.push('docker');
  if (name.endsWith('.tf')) found.push('terraform');
  if (/(?:^|\/)(?:k8s|kubernetes|manifests|charts)\//.test(path) && /\.ya?ml$/.test(name))
    found.push('kubernetes');
  if (/(?:^|\/)(?:\.mcp\.json|mcp\.json|claude_desktop_config\.json)$/.test(path)) found.push('mcp');
  return found;
}

const escaped = (word: string) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The languages (by file extension), package managers (by lockfile or manifest name), platforms and
 * frameworks (dependencies named in the manifests) of the files given; each list sorted, so the block
 * written from it is stable.
 */
export function profileOf(
  files: readonly string[],
  readText: (path: string) => string | undefined,
): RepositoryProfile {
  const languages = new Set<string>();
  const packageManagers = new Set<string>();
  const platforms = new Set<string>();
  const frameworks = new Set<string>();
  for (const path of files) {
    const name = posix.basename(path);
    const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
    const language = LANGUAGE_BY_EXTENSION[extension];
    if (language) languages.add(language);
    const manager = PACKAGE_MANAGER_BY_FILE[name];
    if (manager) packageManagers.add(manager);
    if (name === 'package.json' && !files.some((other) => /(?:pnpm-lock\.yaml|yarn\.lock)$/.test(other)))
      packageManagers.add('npm');
    for (const platform of platformsOf(path)) platforms.add(platform);
    if (!MANIFESTS.has(name)) continue;
    const text = (readText(path) ?? '').toLowerCase();
    for (const [framework, names] of Object.entries(FRAMEWORK_DEPENDENCIES)) {
      if (
        names.some((dependency) =>
          new RegExp(`(?:^|["'\\s/])${escaped(dependency)}(?:["'\\s=<>~!\\[@:]|$)`, 'm').test(text),
        )
      )
        frameworks.add(framework);
    }
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return {
    languages: sorted(languages),
    frameworks: sorted(frameworks),
    packageManagers: sorted(packageManagers),
    platforms: sorted(platforms),
  };
}
