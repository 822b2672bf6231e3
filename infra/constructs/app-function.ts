// House defaults for every Lambda function (Node 24, arm64, ESM bundle with source maps) and its table grant.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { tableSchema } from '../../functions/db/schema.ts';

/** The repository root: entries, the lock file and web/dist are resolved from here. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The esbuild options every function bundle is built with. `AppFunction` passes exactly these to
 * NodejsFunction, so a benchmark can build the identical bundle with
 * `esbuild.build({ ...lambdaBundling, entryPoints: [entry], outfile: 'index.mjs' })`.
 */
export const lambdaBundling = {
  bundle: true,
  platform: 'node' as const,
  format: 'esm' as const,
  target: 'node24',
  minify: true,
  sourcemap: true,
  // Stack traces are mapped by `--enable-source-maps`; the sources themselves need not ship.
  sourcesContent: false,
  mainFields: ['module', 'main'],
  // The Node 24 Lambda runtime ships AWS SDK v3 (clients and lib-dynamodb): leaving it out keeps the
  // bundle small and the cold start short, and the SDK gets the runtime's security patches.
  external: ['@aws-sdk/*'],
  // ESM output has no `require`; some CommonJS dependencies still call it for Node built-ins.
  banner: {
    js: "import { createRequire as piawaiCreateRequire } from 'node:module'; const require = piawaiCreateRequire(import.meta.url);",
  },
  logLevel: 'warning' as const,
};

/** DynamoDB actions by access level. Transactions need no action of their own: IAM checks each item's action. */
const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:BatchWriteItem',
] as const;

/** One item-level DynamoDB action a function may be granted by name. */
export type TableAction = (typeof readActions)[number] | (typeof writeActions)[number];

/** `read`, `readWrite`, or exactly the named actions (a function with one narrow job, e.g. outbox delivery). */
export type TableAccess = 'read' | 'readWrite' | readonly TableAction[];

export interface AppFunctionProps {
  /** Entry file relative to the project root, e.g. `functions/lambda/api.ts`; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly timeout: Duration;
  readonly environment?: Record<string, string>;
  /** Default 1024 MB. */
  readonly memorySize?: number;
  /** The function draws PDFs with pdfkit's standard fonts: ship their metrics beside the bundle (see pdfkitFonts). */
  readonly drawsPdfs?: boolean;
}

/**
 * Where the bundle keeps pdfkit's standard-font metrics, and the package.json that maps pdfkit's own
 * `#standard-fonts/*` specifiers to them. pdfkit's Node build loads each metric file lazily with
 * `createRequire(import.meta.url)('#standard-fonts/Helvetica')`, a call esbuild cannot follow: in a bundle that
 * require resolves against the bundle's own package scope, so without this map the first `doc.font()` fails
 * with "Cannot find module '#standard-fonts/Helvetica'". The CommonJS files are ~90 KB.
 */
export const pdfkitFonts = {
  dir: 'pdfkit-fonts',
  packageJson: { private: true, imports: { '#standard-fonts/*': './pdfkit-fonts/*.cjs' } },
} as const;

/**
 * Shell commands (run by NodejsFunction after esbuild) that copy the metrics and write the import map. `inputDir` is
 * the project root as the bundler sees it (the same directory locally, its mount in a Docker build).
 */
function shipPdfkitFonts(inputDir: string, outputDir: string): string[] {
  // The `require` condition picks the CommonJS metrics, the ones pdfkit's import map points at.
  const source = path.dirname(
    createRequire(path.join(projectRoot, 'package.json')).resolve('pdfkit/standard-fonts/Helvetica'),
  );
  if (!fs.existsSync(path.join(source, 'chunks'))) {
    throw new Error(`pdfkit's standard-font metrics are not where expected: ${source}/chunks`);
  }
  const from = path.posix.join(inputDir, path.relative(projectRoot, source).split(path.sep).join('/'));
  const target = path.posix.join(outputDir, pdfkitFonts.dir);
  return [
    `mkdir -p "${target}/chunks"`,
    `cp "${from}"/*.cjs "${target}/"`,
    `cp "${from}"/chunks/*.cjs "${target}/chunks/"`,
    `printf '%s\\n' '${JSON.stringify(pdfkitFonts.packageJson)}' > "${path.posix.join(outputDir, 'package.json')}"`,
  ];
}

export class AppFunction extends nodejs.NodejsFunction {
  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    // Our own log group (retention set here, no LogRetention custom resource) and our own role,
    // so the function gets write access to that one log group instead of AWSLambdaBasicExecutionRole.
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: logs.RetentionDays.ONE_MONTH });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.entry}`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: path.join(projectRoot, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      // Graviton: cheaper per GB-second than x86 and at least as fast for this workload.
      architecture: lambda.Architecture.ARM_64,
      // 1024 MB also buys CPU: cold starts and zod parsing are CPU-bound, not memory-bound.
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout,
      role,
      logGroup,
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      environment: {
        PIAWAI_ENV: 'aws',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: lambdaBundling.target,
        minify: lambdaBundling.minify,
        sourceMap: lambdaBundling.sourcemap,
        sourcesContent: lambdaBundling.sourcesContent,
        mainFields: [...lambdaBundling.mainFields],
        externalModules: [...lambdaBundling.external],
        banner: lambdaBundling.banner.js,
        logLevel: nodejs.LogLevel.WARNING,
        // esbuild is a devDependency; bundling never needs Docker (and CI has none).
        forceDockerBundling: false,
        ...(props.drawsPdfs
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) => shipPdfkitFonts(inputDir, outputDir),
              },
            }
          : {}),
      },
    });
  }

  /**
   * Sets TABLE_NAME and grants exactly the DynamoDB actions the access level needs: reads on the table (and on its
   * indexes when Query is granted), writes on the table, and the audit denies for whichever writes are granted.
   */
  useTable(table: dynamodb.ITableV2, access: TableAccess): void {
    const granted: readonly TableAction[] =
      access === 'read' ? readActions : access === 'readWrite' ? [...readActions, ...writeActions] : access;
    const reads = readActions.filter((action) => granted.includes(action));
    const writes = writeActions.filter((action) => granted.includes(action));
    if (reads.length + writes.length !== new Set(granted).size) {
      throw new Error(`${this.node.path}: unknown table actions in ${JSON.stringify(granted)}`);
    }
    this.addEnvironment('TABLE_NAME', table.tableName);
    const indexArns = tableSchema.indexes.map((index) => `${table.tableArn}/index/${index.name}`);
    if (reads.length > 0) {
      this.addToRolePolicy(
        new iam.PolicyStatement({
          sid: 'TableRead',
          actions: reads,
          // Only Query reads an index; GetItem and BatchGetItem address the table itself.
          resources: reads.includes('dynamodb:Query') ? [table.tableArn, ...indexArns] : [table.tableArn],
        }),
      );
    }
    if (writes.length === 0) return;
    this.addToRolePolicy(
      new iam.PolicyStatement({ sid: 'TableWrite', actions: writes, resources: [table.tableArn] }),
    );
    const grantedAny = (...actions: TableAction[]) => actions.some((action) => granted.includes(action));
    // The audit trail is append-only: no function may change or remove an AUDIT# item, not even in a
    // transaction (IAM evaluates each transaction item as its own UpdateItem/DeleteItem).
    if (grantedAny('dynamodb:UpdateItem', 'dynamodb:DeleteItem')) {
      this.addToRolePolicy(
        new iam.PolicyStatement({
          sid: 'AuditIsAppendOnly',
          effect: iam.Effect.DENY,
          actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
          resources: [table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } },
        }),
      );
    }
    // A batch may delete as well as put, and audit entries are only written inside the transaction of the
    // change they record, so no batch may touch an AUDIT# item (ForAnyValue: one such key is enough).
    if (grantedAny('dynamodb:BatchWriteItem')) {
      this.addToRolePolicy(
        new iam.PolicyStatement({
          sid: 'AuditNotInBatches',
          effect: iam.Effect.DENY,
          actions: ['dynamodb:BatchWriteItem'],
          resources: [table.tableArn],
          conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } },
        }),
      );
    }
  }
}
