// Types for the parts of frictionlessdata's datapackage library the tests use (it ships none).
declare module "datapackage" {
  export interface Resource {
    name: string;
    /** The resource's file, resolved against the package's base path. */
    source: string;
    descriptor: Record<string, unknown> & { path: string; bytes?: number; hash?: string; schema: unknown };
  }
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
  }
}
