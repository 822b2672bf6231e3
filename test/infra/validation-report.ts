// Test helper: synthesizes an app and returns every finding its validation plugins reported (cdk-nag, template checks).

import fs from 'node:fs';
import path from 'node:path';
import { type App, cx_api, Validations } from 'aws-cdk-lib';

export interface Finding {
  readonly plugin: string;
  readonly rule: string;
  readonly severity: string;
  readonly constructPath: string;
}

export interface Acknowledgement {
  readonly constructPath: string;
  readonly rule: string;
  readonly reason: string;
}

/** Context that lets synthesis finish despite violations, so the report lists all of them instead of throwing. */
export const reportEveryFinding = { [cx_api.FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false };

/** Skips Lambda bundling: findings do not depend on it, and stack.test.ts covers the bundles. */
export const skipBundling = { [cx_api.BUNDLING_STACKS]: [] };

interface ValidationReport {
  readonly pluginReports: {
    readonly pluginName: string;
    readonly violations: {
      readonly ruleName: string;
      readonly severity?: string;
      readonly violatingConstructs: { readonly constructPath: string }[];
    }[];
  }[];
}

export function synthesizeFindings(app: App): Finding[] {
  const assembly = app.synth();
  const reportFile = path.join(assembly.directory, cx_api.VALIDATION_REPORT_FILE);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ValidationReport;
  return report.pluginReports.flatMap((pluginReport) =>
    pluginReport.violations.flatMap((violation) =>
      violation.violatingConstructs.map((construct) => ({
        plugin: pluginReport.pluginName,
        rule: violation.ruleName,
        severity: violation.severity ?? 'unknown',
        constructPath: construct.constructPath,
      })),
    ),
  );
}

/** Every `Validations.of(construct).acknowledge()` in the app, read back from construct metadata. */
export function acknowledgementsOf(app: App): Acknowledgement[] {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([rule, reason]) => ({
          constructPath: construct.node.path,
          // Stored as `Annotation::<id>` by aws-cdk-lib; cdk-nag strips that prefix when matching.
          rule: rule.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}
