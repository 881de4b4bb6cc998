// Checks the public API's documentation: every property of an exported `...Options` or `...Props` type (from
// the package's entries) has JSDoc, and every optional one says its `@default`. This is what an editor shows
// on hover. Run: node --import tsx scripts/api-docs.ts (part of `npm run test:package`).
import ts from 'typescript';

const entries = ['src/index.ts', 'src/server/index.ts', 'src/engine/index.ts'];
const config = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
const program = ts.createProgram(entries, config.options);
const checker = program.getTypeChecker();
const problems: string[] = [];
const seen = new Set<ts.Symbol>();

for (const entry of entries) {
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!/(Options|Props)$/.test(exported.name) || seen.has(symbol)) continue;
    seen.add(symbol);
    for (const property of checker.getDeclaredTypeOfSymbol(symbol).getProperties()) {
      const declaration = property.declarations?.[0];
      // Attributes inherited from React's DOM types are documented there.
      if (!declaration || declaration.getSourceFile().fileName.includes('/node_modules/')) continue;
      const missing = [];
      if (!ts.displayPartsToString(property.getDocumentationComment(checker)).trim()) missing.push('a description');
      if (property.flags & ts.SymbolFlags.Optional && !property.getJsDocTags().some((tag) => tag.name === 'default')) missing.push('@default');
      if (missing.length) problems.push(`${exported.name}.${property.name} (${declaration.getSourceFile().fileName.replace(`${process.cwd()}/`, '')}): needs ${missing.join(' and ')}`);
    }
  }
}

if (problems.length) {
  console.error(`${problems.length} public option(s) are not documented:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`ok   API docs: every property of ${seen.size} exported Options/Props types has JSDoc, optional ones a @default.`);
