// Copies the built site (web/dist) into the site bucket and invalidates CloudFront, with a least-privilege role.

import fs from 'node:fs';
import path from 'node:path';
import { Stack, Validations } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

export interface SiteDeploymentProps {
  readonly siteDir: string;
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
}

/** Astro's folder of content-hashed JS and CSS (`build.assets`), safe to cache forever. */
const assetsDir = '_astro';

/**
 * Hashed assets go first (cached for a year and never pruned, so pages already open keep working), then the
 * pages (no-cache) with an invalidation. BucketDeployment's own grants use wildcards (s3:GetObject* on the whole
 * CDK asset bucket, CloudFront invalidation on every distribution), so its role is locked and the statements
 * below name exactly the two bundles, this bucket and this distribution.
 */
export class SiteDeployment extends Construct {
  constructor(scope: Construct, id: string, props: SiteDeploymentProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies web/dist into the site bucket',
    });
    logGroup.grantWrite(role);
    const common = {
      destinationBucket: props.bucket,
      logGroup,
      role: role.withoutPolicyUpdates(),
      memoryLimit: 512,
    };

    const bundles: s3assets.Asset[] = [];
    const bundle = (bundleId: string, bundlePath: string, exclude: string[] = []) => {
      const asset = new s3assets.Asset(this, bundleId, { path: bundlePath, exclude });
      bundles.push(asset);
      return s3deploy.Source.bucket(asset.bucket, asset.s3ObjectKey);
    };
    const assetsPath = path.join(props.siteDir, assetsDir);
    const assets = fs.existsSync(assetsPath)
      ? new s3deploy.BucketDeployment(this, 'Assets', {
          ...common,
          sources: [bundle('AssetsBundle', assetsPath)],
          destinationKeyPrefix: `${assetsDir}/`,
          prune: false,
          cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
        })
      : undefined;
    const pages = new s3deploy.BucketDeployment(this, 'Pages', {
      ...common,
      sources: [bundle('PagesBundle', props.siteDir, [assetsDir])],
      // The hashed assets belong to the deployment above: leave them out of this sync and its pruning.
      exclude: [`${assetsDir}/*`],
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: props.distribution,
      distributionPaths: ['/*'],
    });

    const allow = (sid: string, actions: string[], resources: string[]) =>
      role.addToPolicy(new iam.PolicyStatement({ sid, actions, resources }));
    allow(
      'ReadSiteBundles',
      ['s3:GetObject'],
      bundles.map((asset) => asset.bucket.arnForObjects(asset.s3ObjectKey)),
    );
    allow('ListSite', ['s3:ListBucket'], [props.bucket.bucketArn]);
    allow(
      'WriteSite',
      ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
      [props.bucket.arnForObjects('*')],
    );
    allow(
      'InvalidateSite',
      ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
      [props.distribution.distributionArn],
    );
    const bucketLogicalId = Stack.of(this).getLogicalId(props.bucket.node.defaultChild as s3.CfnBucket);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/*]`,
      reason:
        'A site deploy writes and prunes any file of the site bucket; the object names are not known in advance.',
    });

    // The locked role hides the policy from the handler, so order it explicitly: policy, copy assets, copy pages.
    pages.node.addDependency(role);
    if (assets) {
      assets.node.addDependency(role);
      pages.node.addDependency(assets);
    }
    acknowledgeHandlerRuntime(Stack.of(this));
  }
}

/** The BucketDeployment handler is a stack-level singleton whose runtime aws-cdk-lib chooses. */
function acknowledgeHandlerRuntime(stack: Stack): void {
  const handler = stack.node.children.find((child) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (!handler) return;
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      'The BucketDeployment handler (Python with the AWS CLI layer) has its runtime pinned by aws-cdk-lib; it ' +
      'only runs during deploys and is upgraded with aws-cdk-lib.',
  });
}
