// Generated from the server's OpenAPI document by apps/console/scripts/generate-api.ts. Do not edit:
// run `npm run generate-api -w apps/console` after changing a route.

export interface paths {
  "/api/v1/administrators": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List administrators */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` from the previous page. */
          cursor?: string;
          /** @description Items per page, 1 to 500. */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /** @description Unix time in milliseconds. */
                createdAt: number;
                disabled: boolean;
                displayName: string;
                email: string;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                /** @description Unix time in milliseconds. */
                lastLoginAt: number | null;
                roleId: string;
                /** @description Unix time in milliseconds. */
                updatedAt: number;
              }[];
              /** @description Pass back as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create an administrator
     * @description You can only give a role whose every permission you hold yourself.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            displayName?: string;
            email: string;
            /** @description At least 12 characters. */
            password: string;
            roleId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              createdAt: number;
              disabled: boolean;
              displayName: string;
              email: string;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              /** @description Unix time in milliseconds. */
              lastLoginAt: number | null;
              roleId: string;
              /** @description Unix time in milliseconds. */
              updatedAt: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/administrators/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an administrator */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              createdAt: number;
              disabled: boolean;
              displayName: string;
              email: string;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              /** @description Unix time in milliseconds. */
              lastLoginAt: number | null;
              roleId: string;
              /** @description Unix time in milliseconds. */
              updatedAt: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove an administrator */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change an administrator's name, role, password or disabled flag
     * @description A new role, password or disabled flag ends the administrator's open sessions. The last active Security Administrator cannot be demoted or disabled.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            disabled?: boolean;
            displayName?: string;
            /** @description At least 12 characters. */
            password?: string;
            roleId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              createdAt: number;
              disabled: boolean;
              displayName: string;
              email: string;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              /** @description Unix time in milliseconds. */
              lastLoginAt: number | null;
              roleId: string;
              /** @description Unix time in milliseconds. */
              updatedAt: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/api-tokens": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List API tokens
     * @description Your own tokens; with admins:read, every token in the tenant.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                adminId: string;
                /** @description Unix time in milliseconds. */
                createdAt: number;
                /** @description Unix time in milliseconds. */
                expiresAt: number | null;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                /** @description Unix time in milliseconds. */
                lastUsedAt: number | null;
                name: string;
                prefix: string;
                /** @description Unix time in milliseconds. */
                revokedAt: number | null;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create an API token for automation
     * @description The token acts with your role. It is shown once.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            expiresInDays?: number;
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              apiToken: {
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                adminId: string;
                /** @description Unix time in milliseconds. */
                createdAt: number;
                /** @description Unix time in milliseconds. */
                expiresAt: number | null;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                /** @description Unix time in milliseconds. */
                lastUsedAt: number | null;
                name: string;
                prefix: string;
                /** @description Unix time in milliseconds. */
                revokedAt: number | null;
              };
              token: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/api-tokens/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API token
     * @description Your own tokens; with admins:write, any token in the tenant.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/audit-events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit log, newest first
     * @description `action=user` matches every user.* action; `action=user.create` only that one. `from` and `to` are Unix milliseconds, inclusive.
     */
    get: {
      parameters: {
        query?: {
          action?: string;
          /** @description Actor id (administrator or API token). */
          actor?: string;
          /** @description `nextCursor` from the previous page. */
          cursor?: string;
          from?: number;
          /** @description Items per page, 1 to 500. */
          limit?: number;
          /** @description Target object id. */
          target?: string;
          to?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                action: string;
                actorId: string;
                actorLabel: string;
                actorType: string;
                /** @description Unix time in milliseconds. */
                at: number;
                details: {
                  [key: string]: unknown;
                } | null;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                ip: string | null;
                targetId: string | null;
                targetLabel: string | null;
                targetType: string | null;
              }[];
              /** @description Pass back as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/audit/settings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Audit settings */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              retentionDays: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    /** Change audit retention */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            retentionDays: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              retentionDays: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/login": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in as an administrator
     * @description Returns a session token for `Authorization: Bearer <token>`. Limited per client address, and per email after repeated failures.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            email: string;
            password: string;
            /** @description Tenant slug; needed only when the email administers several tenants. */
            tenant?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              administrator: {
                displayName: string;
                email: string;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                roleId: string;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                tenantId: string;
              };
              /** @description Unix time in milliseconds. */
              expiresAt: number;
              token: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/logout": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End this session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/me": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who am I, and what may I do */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              id: string;
              label: string;
              permissions: string[];
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              tenantId: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/commands": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send one command to many devices
     * @description Name the devices by `deviceIds`, or choose them with the device-list `filter`; wiped and retired devices are left out. Queued in one transaction; answers with the batch id and how many devices got the command. Payloads: lock {message?, phoneNumber?, pin? (macOS, 6 digits)}; wipe {preserveDataPlan?, wipeExternalStorage?, pin? (macOS)}; reset_password {newPassword?} (on iOS, without newPassword: clears the passcode); request_inventory {scope?: device|security|apps|managed_apps|profiles|certificates}; install_app {packageName, downloadUrl? (https)}; uninstall_app {packageName}; install_profile {profileId}; remove_profile {identifier}; set_device_name {name}; reboot, shutdown, device_configured, renew_identity and delete_work_data take none. shutdown, install_profile, remove_profile, set_device_name, device_configured and renew_identity go to Apple devices only; delete_work_data to Android and Windows. renew_identity sends a fresh enrollment profile whose SCEP payload gives the device a new identity certificate; the server queues it by itself before identities end.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description Up to 10,000 ids; use a filter for more. */
            deviceIds?: string[];
            /** @description Default 7 days. */
            expiresInMinutes?: number;
            filter?: {
              /**
               * Format: uuid
               * @description Devices owned by the group's users, directly or through nested groups.
               */
              group?: string;
              osVersion?: string;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              owner?: string;
              /** @enum {unknown} */
              ownership?: "corporate" | "personal" | "unknown";
              /** @enum {unknown} */
              platform?: "ios" | "macos" | "android" | "windows";
              q?: string;
              /** @enum {unknown} */
              state?: "enrolling" | "active" | "inactive" | "lost" | "wiped" | "retired";
            };
            payload?: {
              [key: string]: unknown;
            };
            /** @enum {unknown} */
            type:
              | "lock"
              | "reboot"
              | "wipe"
              | "delete_work_data"
              | "reset_password"
              | "request_inventory"
              | "install_app"
              | "uninstall_app"
              | "shutdown"
              | "install_profile"
              | "remove_profile"
              | "set_device_name"
              | "device_configured"
              | "renew_identity";
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              batchId: string;
              queued: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/commands/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a command */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description How many times the device was handed the command. */
              attempts: number;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              batchId: string | null;
              /** @description Unix time in milliseconds. */
              completedAt: number | null;
              /** @description Unix time in milliseconds. */
              createdAt: number;
              createdBy: string;
              /** @description Unix time in milliseconds. */
              deliveredAt: number | null;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              deviceId: string;
              error: {
                code: string;
                message: string;
              } | null;
              /** @description Unix time in milliseconds. */
              expiresAt: number;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              payload: {
                [key: string]: unknown;
              };
              /** @description Higher runs first: lock, wipe and delete_work_data jump the queue. */
              priority: number;
              result: {
                [key: string]: unknown;
              } | null;
              /** @description Unix time in milliseconds. */
              retryAt: number | null;
              /** @enum {unknown} */
              state: "pending" | "delivered" | "acknowledged" | "error" | "not_now" | "expired" | "cancelled";
              /** @enum {unknown} */
              type:
                | "lock"
                | "reboot"
                | "wipe"
                | "delete_work_data"
                | "reset_password"
                | "request_inventory"
                | "install_app"
                | "uninstall_app"
                | "shutdown"
                | "install_profile"
                | "remove_profile"
                | "set_device_name"
                | "device_configured"
                | "renew_identity";
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/commands/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw a command the device has not fetched yet
     * @description Only pending and not-now commands can be cancelled; a delivered command is already on the device.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description How many times the device was handed the command. */
              attempts: number;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              batchId: string | null;
              /** @description Unix time in milliseconds. */
              completedAt: number | null;
              /** @description Unix time in milliseconds. */
              createdAt: number;
              createdBy: string;
              /** @description Unix time in milliseconds. */
              deliveredAt: number | null;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              deviceId: string;
              error: {
                code: string;
                message: string;
              } | null;
              /** @description Unix time in milliseconds. */
              expiresAt: number;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              payload: {
                [key: string]: unknown;
              };
              /** @description Higher runs first: lock, wipe and delete_work_data jump the queue. */
              priority: number;
              result: {
                [key: string]: unknown;
              } | null;
              /** @description Unix time in milliseconds. */
              retryAt: number | null;
              /** @enum {unknown} */
              state: "pending" | "delivered" | "acknowledged" | "error" | "not_now" | "expired" | "cancelled";
              /** @enum {unknown} */
              type:
                | "lock"
                | "reboot"
                | "wipe"
                | "delete_work_data"
                | "reset_password"
                | "request_inventory"
                | "install_app"
                | "uninstall_app"
                | "shutdown"
                | "install_profile"
                | "remove_profile"
                | "set_device_name"
                | "device_configured"
                | "renew_identity";
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/commands/batches/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Progress of a bulk send
     * @description How many commands the send queued, and how many are in each state now.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              batchId: string;
              /** @description How many are in each state; states with none are left out. */
              states: {
                acknowledged?: number;
                cancelled?: number;
                delivered?: number;
                error?: number;
                expired?: number;
                not_now?: number;
                pending?: number;
              };
              /** @description Commands the send queued. */
              total: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/devices": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List devices with filters
     * @description `osVersion=17` matches 17 and 17.x. `q` matches any part of the name, model, serial number or IMEI.
     */
    get: {
      parameters: {
        query?: {
          /** @description By the last compliance report; not_reported when none came yet. */
          compliance?: "compliant" | "not_compliant" | "not_reported";
          /** @description `nextCursor` from the previous page. */
          cursor?: string;
          /** @description Devices owned by the group's users, directly or through nested groups. */
          group?: string;
          /** @description Items per page, 1 to 500. */
          limit?: number;
          order?: "asc" | "desc";
          osVersion?: string;
          /** @description A Meridian identifier (UUID). */
          owner?: string;
          ownership?: "corporate" | "personal" | "unknown";
          platform?: "ios" | "macos" | "android" | "windows";
          q?: string;
          sort?: "name" | "lastSeenAt" | "enrolledAt";
          state?: "enrolling" | "active" | "inactive" | "lost" | "wiped" | "retired";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /** @description Unix time in milliseconds. */
                createdAt: number;
                /** @description Unix time in milliseconds. */
                enrolledAt: number | null;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                imei: string | null;
                /** @description Unix time in milliseconds. */
                lastSeenAt: number | null;
                manufacturer: string | null;
                model: string | null;
                name: string;
                osVersion: string | null;
                /** @enum {unknown} */
                ownership: "corporate" | "personal" | "unknown";
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                ownerUserId: string | null;
                /** @enum {unknown} */
                platform: "ios" | "macos" | "android" | "windows";
                serialNumber: string | null;
                /** @enum {unknown} */
                state: "enrolling" | "active" | "inactive" | "lost" | "wiped" | "retired";
                /** @description Unix time in milliseconds. */
                updatedAt: number;
              }[];
              /** @description Pass back as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/devices/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a device
     * @description With `identityExpiresAt`, when its identity certificate ends.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              createdAt: number;
              /** @description Unix time in milliseconds. */
              enrolledAt: number | null;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              /** @description Unix time in milliseconds when the device's newest identity certificate ends (null without one); Apple identities are renewed before then. */
              identityExpiresAt: number | null;
              imei: string | null;
              /** @description Unix time in milliseconds. */
              lastSeenAt: number | null;
              manufacturer: string | null;
              model: string | null;
              name: string;
              osVersion: string | null;
              /** @enum {unknown} */
              ownership: "corporate" | "personal" | "unknown";
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              ownerUserId: string | null;
              /** @enum {unknown} */
              platform: "ios" | "macos" | "android" | "windows";
              serialNumber: string | null;
              /** @enum {unknown} */
              state: "enrolling" | "active" | "inactive" | "lost" | "wiped" | "retired";
              /** @description Unix time in milliseconds. */
              updatedAt: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Forget a device */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Rename a device, set its ownership or owner */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            /** @enum {unknown} */
            ownership?: "corporate" | "personal" | "unknown";
            /**
             * Format: uuid
             * @description A Meridian identifier (UUID).
             */
            ownerUserId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              createdAt: number;
              /** @description Unix time in milliseconds. */
              enrolledAt: number | null;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              imei: string | null;
              /** @description Unix time in milliseconds. */
              lastSeenAt: number | null;
              manufacturer: string | null;
              model: string | null;
              name: string;
              osVersion: string | null;
              /** @enum {unknown} */
              ownership: "corporate" | "personal" | "unknown";
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              ownerUserId: string | null;
              /** @enum {unknown} */
              platform: "ios" | "macos" | "android" | "windows";
              serialNumber: string | null;
              /** @enum {unknown} */
              state: "enrolling" | "active" | "inactive" | "lost" | "wiped" | "retired";
              /** @description Unix time in milliseconds. */
              updatedAt: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/devices/{id}/commands": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A device's commands, newest first */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` from the previous page. */
          cursor?: string;
          /** @description Items per page, 1 to 500. */
          limit?: number;
          state?: "pending" | "delivered" | "acknowledged" | "error" | "not_now" | "expired" | "cancelled";
        };
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /** @description How many times the device was handed the command. */
                attempts: number;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                batchId: string | null;
                /** @description Unix time in milliseconds. */
                completedAt: number | null;
                /** @description Unix time in milliseconds. */
                createdAt: number;
                createdBy: string;
                /** @description Unix time in milliseconds. */
                deliveredAt: number | null;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                deviceId: string;
                error: {
                  code: string;
                  message: string;
                } | null;
                /** @description Unix time in milliseconds. */
                expiresAt: number;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                payload: {
                  [key: string]: unknown;
                };
                /** @description Higher runs first: lock, wipe and delete_work_data jump the queue. */
                priority: number;
                result: {
                  [key: string]: unknown;
                } | null;
                /** @description Unix time in milliseconds. */
                retryAt: number | null;
                /** @enum {unknown} */
                state:
                  "pending" | "delivered" | "acknowledged" | "error" | "not_now" | "expired" | "cancelled";
                /** @enum {unknown} */
                type:
                  | "lock"
                  | "reboot"
                  | "wipe"
                  | "delete_work_data"
                  | "reset_password"
                  | "request_inventory"
                  | "install_app"
                  | "uninstall_app"
                  | "shutdown"
                  | "install_profile"
                  | "remove_profile"
                  | "set_device_name"
                  | "device_configured"
                  | "renew_identity";
              }[];
              /** @description Pass back as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Send a command to a device
     * @description Queued durably and delivered the next time the device checks in. Payloads: lock {message?, phoneNumber?, pin? (macOS, 6 digits)}; wipe {preserveDataPlan?, wipeExternalStorage?, pin? (macOS)}; reset_password {newPassword?} (on iOS, without newPassword: clears the passcode); request_inventory {scope?: device|security|apps|managed_apps|profiles|certificates}; install_app {packageName, downloadUrl? (https)}; uninstall_app {packageName}; install_profile {profileId}; remove_profile {identifier}; set_device_name {name}; reboot, shutdown, device_configured, renew_identity and delete_work_data take none. shutdown, install_profile, remove_profile, set_device_name, device_configured and renew_identity go to Apple devices only; delete_work_data to Android and Windows. renew_identity sends a fresh enrollment profile whose SCEP payload gives the device a new identity certificate; the server queues it by itself before identities end.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description Default 7 days. */
            expiresInMinutes?: number;
            payload?: {
              [key: string]: unknown;
            };
            /** @enum {unknown} */
            type:
              | "lock"
              | "reboot"
              | "wipe"
              | "delete_work_data"
              | "reset_password"
              | "request_inventory"
              | "install_app"
              | "uninstall_app"
              | "shutdown"
              | "install_profile"
              | "remove_profile"
              | "set_device_name"
              | "device_configured"
              | "renew_identity";
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description How many times the device was handed the command. */
              attempts: number;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              batchId: string | null;
              /** @description Unix time in milliseconds. */
              completedAt: number | null;
              /** @description Unix time in milliseconds. */
              createdAt: number;
              createdBy: string;
              /** @description Unix time in milliseconds. */
              deliveredAt: number | null;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              deviceId: string;
              error: {
                code: string;
                message: string;
              } | null;
              /** @description Unix time in milliseconds. */
              expiresAt: number;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              payload: {
                [key: string]: unknown;
              };
              /** @description Higher runs first: lock, wipe and delete_work_data jump the queue. */
              priority: number;
              result: {
                [key: string]: unknown;
              } | null;
              /** @description Unix time in milliseconds. */
              retryAt: number | null;
              /** @enum {unknown} */
              state: "pending" | "delivered" | "acknowledged" | "error" | "not_now" | "expired" | "cancelled";
              /** @enum {unknown} */
              type:
                | "lock"
                | "reboot"
                | "wipe"
                | "delete_work_data"
                | "reset_password"
                | "request_inventory"
                | "install_app"
                | "uninstall_app"
                | "shutdown"
                | "install_profile"
                | "remove_profile"
                | "set_device_name"
                | "device_configured"
                | "renew_identity";
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/devices/{id}/compliance": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The device's last compliance report
     * @description `null` until the device has reported.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              compliant: boolean;
              /** @description The policy configuration the device evaluated. */
              configurationVersion: number;
              /** @description Unix time in milliseconds. */
              reportedAt: number;
              violations: {
                policy: string;
                reason: string;
              }[];
            } | null;
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/devices/{id}/inventory": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What the device last reported: hardware, OS, security state, installed apps
     * @description `null` until the device has reported.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              apps: {
                installSource: string | null;
                managed: boolean;
                name: string | null;
                packageName: string;
                version: string | null;
              }[];
              /** @description Unix time in milliseconds. */
              collectedAt: number;
              hardware: {
                batteryLevel: number | null;
                freeStorageBytes: number | null;
                imei: string | null;
                manufacturer: string | null;
                model: string | null;
                serialNumber: string | null;
                totalStorageBytes: number | null;
                wifiMac: string | null;
              };
              os: {
                buildId: string | null;
                securityPatchLevel: string | null;
                version: string;
              };
              /** @description Unix time in milliseconds. */
              receivedAt: number;
              security: {
                compromised: boolean;
                developerOptionsEnabled: boolean | null;
                encrypted: boolean;
                passcodeSet: boolean;
                unknownSourcesAllowed: boolean | null;
              };
            } | null;
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/devices/{id}/push": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How a device is woken, and whether its push token still works */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              invalidAt: number | null;
              /** @description What the push service said of the token (Unregistered...). */
              invalidReason: string | null;
              /** @description Unix time in milliseconds. */
              lastPushedAt: number | null;
              registered: boolean;
              service: ("apns" | "fcm" | "wns" | "relay") | (never | null);
              /** @description Unix time in milliseconds. */
              updatedAt: number | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/devices/summary": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Device counts by platform, state, OS version, last contact and compliance */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Enrolled Apple devices whose identity certificate ends within 7 days without a renewal having taken; at the end they stop being managed. */
              appleIdentitiesEndingSoon: number;
              /** @description By each device's last compliance report. */
              byCompliance: {
                compliant: number;
                notCompliant: number;
                notReported: number;
              };
              /** @description Last contact within 24 hours, 1–7 days, 7–30 days, longer ago, or never. */
              byLastContact: {
                day: number;
                month: number;
                never: number;
                older: number;
                week: number;
              };
              byOsVersion: {
                count: number;
                osVersion: string | null;
                platform: string;
              }[];
              byPlatform: {
                [key: string]: number;
              };
              byState: {
                [key: string]: number;
              };
              total: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/groups": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List groups */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` from the previous page. */
          cursor?: string;
          /** @description Items per page, 1 to 500. */
          limit?: number;
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /** @description Unix time in milliseconds. */
                createdAt: number;
                description: string;
                externalId: string | null;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                name: string;
                /** @enum {unknown} */
                source: "local" | "ldap" | "entra" | "scim";
                /** @description Unix time in milliseconds. */
                updatedAt: number;
              }[];
              /** @description Pass back as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a group */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            description?: string;
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              createdAt: number;
              description: string;
              externalId: string | null;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              name: string;
              /** @enum {unknown} */
              source: "local" | "ldap" | "entra" | "scim";
              /** @description Unix time in milliseconds. */
              updatedAt: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/groups/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a group */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              createdAt: number;
              description: string;
              externalId: string | null;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              name: string;
              /** @enum {unknown} */
              source: "local" | "ldap" | "entra" | "scim";
              /** @description Unix time in milliseconds. */
              updatedAt: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a group and its memberships */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Rename or describe a group */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            description?: string;
            name?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              createdAt: number;
              description: string;
              externalId: string | null;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              name: string;
              /** @enum {unknown} */
              source: "local" | "ldap" | "entra" | "scim";
              /** @description Unix time in milliseconds. */
              updatedAt: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/groups/{id}/effective-users": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every user in the group, directly or through nested groups, each once */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` from the previous page. */
          cursor?: string;
          /** @description Items per page, 1 to 500. */
          limit?: number;
        };
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                displayName: string;
                email: string;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
              }[];
              /** @description Pass back as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/groups/{id}/members": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Direct members (users and groups) */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` from the previous page. */
          cursor?: string;
          /** @description Items per page, 1 to 500. */
          limit?: number;
        };
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /** @description Unix time in milliseconds. */
                addedAt: number;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                label: string;
                type: "user" | "group";
              }[];
              /** @description Pass back as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Add a user or a group as a member
     * @description Nesting that would make a loop is refused with 409 group_cycle.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /**
             * Format: uuid
             * @description A Meridian identifier (UUID).
             */
            id: string;
            type: "user" | "group";
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              addedAt: number;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              label: string;
              type: "user" | "group";
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/groups/{id}/members/{type}/{memberId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a direct member */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
          /** @description A Meridian identifier (UUID). */
          memberId: string;
          type: "user" | "group";
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/groups/tree": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every group with the groups nested directly inside it
     * @description The whole tree in one answer, groups sorted by name. Roots are the groups that no other group contains; a group nested in several groups appears under each.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /** @description Groups directly inside this one, by name. */
                childGroupIds: string[];
                /** @description Unix time in milliseconds. */
                createdAt: number;
                description: string;
                externalId: string | null;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                name: string;
                /** @enum {unknown} */
                source: "local" | "ldap" | "entra" | "scim";
                /** @description Unix time in milliseconds. */
                updatedAt: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/permissions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every permission a role can hold, with what it allows */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                description: string;
                name: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/profiles": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List configuration profiles */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` from the previous page. */
          cursor?: string;
          /** @description Items per page, 1 to 500. */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /** @description Unix time in milliseconds. */
                createdAt: number;
                createdBy: string;
                description: string | null;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                /** @description The profile's PayloadIdentifier; remove_profile names it. */
                identifier: string;
                name: string;
                /** @description SHA-256 of the stored file, hex. */
                sha256: string;
                sizeBytes: number;
              }[];
              /** @description Pass back as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Upload a configuration profile (.mobileconfig)
     * @description The profile is stored once; install it with a command of type install_profile naming its id. A profile with the same PayloadIdentifier as a stored one replaces it (a new version, same id).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description Default: the profile's PayloadDisplayName. */
            name?: string;
            /** @description The .mobileconfig file, in base64. */
            payloadBase64: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              profile: {
                /** @description Unix time in milliseconds. */
                createdAt: number;
                createdBy: string;
                description: string | null;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                /** @description The profile's PayloadIdentifier; remove_profile names it. */
                identifier: string;
                name: string;
                /** @description SHA-256 of the stored file, hex. */
                sha256: string;
                sizeBytes: number;
              };
              /** @description True when it replaced a profile with the same identifier. */
              replaced: boolean;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/profiles/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a configuration profile's description */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              createdAt: number;
              createdBy: string;
              description: string | null;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              /** @description The profile's PayloadIdentifier; remove_profile names it. */
              identifier: string;
              name: string;
              /** @description SHA-256 of the stored file, hex. */
              sha256: string;
              sizeBytes: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a configuration profile
     * @description Devices keep what they installed; send remove_profile to take it off them.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/push/credentials": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Push credentials held at the relay (never their secrets)
     * @description For each service, the tenant's own credentials if it has them (APNs only), else the server's. Never another tenant's.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /** @description When an APNs push certificate stops working (ms since the epoch); renew it at Apple before then. Absent for keys that do not expire. */
                expiresAt?: number;
                /** @description The APNs topic, FCM project or WNS client: which credentials these are. */
                identity: string;
                /**
                 * @description `tenant`: this tenant's own (an APNs push certificate, in cloud mode). `server`: the server's, which wake the devices of every tenant without their own.
                 * @enum {unknown}
                 */
                scope: "tenant" | "server";
                /** @enum {unknown} */
                service: "apns" | "fcm" | "wns";
                /** @description Unix time in milliseconds. */
                updatedAt: number;
              }[];
              /** @description Whether this tenant's administrators manage the server's credentials (FCM, WNS and the server's APNs certificate): the default tenant's do. */
              managesServerCredentials: boolean;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/push/credentials/{service}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Store push credentials at the relay
     * @description FCM: `{serviceAccount}` (the key file's JSON). APNs: `{token: {keyId, teamId, privateKey}, topic}` or `{certificate: {cert, key}}` / `{certificate: {pfxBase64, passphrase}}`. WNS: `{clientId, clientSecret}`. The relay checks them before keeping them (sealed); they never come back. An APNs certificate is the tenant's own (the default tenant's is the server's, used by every tenant without its own); a certificate for another topic than the one in use needs `confirmTopicChange: true`. FCM and WNS serve the whole server: only the default tenant's administrators change them.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          service: "apns" | "fcm" | "wns";
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description When an APNs push certificate stops working (ms since the epoch); renew it at Apple before then. Absent for keys that do not expire. */
              expiresAt?: number;
              /** @description The APNs topic, FCM project or WNS client: which credentials these are. */
              identity: string;
              /**
               * @description `tenant`: this tenant's own (an APNs push certificate, in cloud mode). `server`: the server's, which wake the devices of every tenant without their own.
               * @enum {unknown}
               */
              scope: "tenant" | "server";
              /** @enum {unknown} */
              service: "apns" | "fcm" | "wns";
              /** @description Unix time in milliseconds. */
              updatedAt: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    post?: never;
    /**
     * Remove push credentials from the relay
     * @description APNs: the tenant's own certificate (its devices fall back to the server's). FCM and WNS: the default tenant's administrators only.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          service: "apns" | "fcm" | "wns";
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/relay": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The relay link: whether it is up, this server's registration and licence
     * @description `configured` is false when the server runs without a relay (MERIDIAN_RELAY unset).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description The page an iPhone, iPad or Mac opens to enrol with an activation password. */
              appleEnrollmentUrl: string | null;
              configured: boolean;
              /** @description Where this tenant's devices reach the server: <tenant slug>.<domain>. */
              deviceHost: string | null;
              /** @description Devices reach this server at <tenant slug>.<domain>. */
              domain: string | null;
              lastError: string | null;
              licence: {
                expiresAt: number;
                features: string[];
                issuedAt: number;
                maxDevices: number;
                serverName: string;
              } | null;
              relay: string | null;
              serverId: string | null;
              /** @description starting, enrolling, connecting, up, waiting (to redial), closed or failed */
              state: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/roles": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Built-in and custom roles */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                builtIn: boolean;
                description: string;
                id: string;
                name: string;
                permissions: string[];
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a custom role from named permissions */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            description?: string;
            name: string;
            permissions: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              builtIn: boolean;
              description: string;
              id: string;
              name: string;
              permissions: string[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/roles/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a role */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              builtIn: boolean;
              description: string;
              id: string;
              name: string;
              permissions: string[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a custom role nobody holds */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a custom role */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            description?: string;
            name?: string;
            permissions?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              builtIn: boolean;
              description: string;
              id: string;
              name: string;
              permissions: string[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/tenants": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List tenants */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /** @description Unix time in milliseconds. */
                createdAt: number;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                name: string;
                operator: boolean;
                slug: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a tenant with its first Security Administrator */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            adminEmail: string;
            adminPassword: string;
            name: string;
            slug: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              createdAt: number;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              name: string;
              operator: boolean;
              slug: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List and search users
     * @description Sorted by email. `q` matches any part of the email, display name, given or family name, ignoring case; `email` finds one user by exact email.
     */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` from the previous page. */
          cursor?: string;
          /** @description Exactly this email, ignoring case. */
          email?: string;
          /** @description Items per page, 1 to 500. */
          limit?: number;
          q?: string;
          source?: "local" | "ldap" | "entra" | "scim";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /** @description Unix time in milliseconds. */
                createdAt: number;
                displayName: string;
                email: string;
                externalId: string | null;
                familyName: string | null;
                givenName: string | null;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                /** @enum {unknown} */
                source: "local" | "ldap" | "entra" | "scim";
                /** @description Unix time in milliseconds. */
                updatedAt: number;
              }[];
              /** @description Pass back as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a user */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            displayName?: string;
            email: string;
            familyName?: string;
            givenName?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              createdAt: number;
              displayName: string;
              email: string;
              externalId: string | null;
              familyName: string | null;
              givenName: string | null;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              /** @enum {unknown} */
              source: "local" | "ldap" | "entra" | "scim";
              /** @description Unix time in milliseconds. */
              updatedAt: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              createdAt: number;
              displayName: string;
              email: string;
              externalId: string | null;
              familyName: string | null;
              givenName: string | null;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              /** @enum {unknown} */
              source: "local" | "ldap" | "entra" | "scim";
              /** @description Unix time in milliseconds. */
              updatedAt: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a user
     * @description Refused while the user owns devices. Their activations and group memberships go with them.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a user
     * @description Only local users; directory users change in their directory. `null` clears a name.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            displayName?: string;
            email?: string;
            familyName?: string | null;
            givenName?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Unix time in milliseconds. */
              createdAt: number;
              displayName: string;
              email: string;
              externalId: string | null;
              familyName: string | null;
              givenName: string | null;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              /** @enum {unknown} */
              source: "local" | "ldap" | "entra" | "scim";
              /** @description Unix time in milliseconds. */
              updatedAt: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/users/{id}/activations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's activations, newest first (never their passwords) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /** @description Unix time in milliseconds. */
                createdAt: number;
                createdBy: string;
                deviceLimit: number;
                /** @description Unix time in milliseconds. */
                expiresAt: number;
                failedAttempts: number;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                maxUses: number | null;
                platforms: ("ios" | "macos" | "android" | "windows")[];
                /** @enum {unknown} */
                status: "active" | "expired" | "used" | "locked" | "revoked";
                useCount: number;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                userId: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create an activation password for a user
     * @description The password is returned once, with a QR code (an SVG data URL) that carries it; only its hash is kept. Defaults: 48 hours, single use, 10 characters, 5 devices, every platform.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            deviceLimit?: number;
            /** @description 1 minute to 30 days. */
            expiresInMinutes?: number;
            passwordLength?: number;
            platforms?: ("ios" | "macos" | "android" | "windows")[];
            singleUse?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              activation: {
                /** @description Unix time in milliseconds. */
                createdAt: number;
                createdBy: string;
                deviceLimit: number;
                /** @description Unix time in milliseconds. */
                expiresAt: number;
                failedAttempts: number;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                maxUses: number | null;
                platforms: ("ios" | "macos" | "android" | "windows")[];
                /** @enum {unknown} */
                status: "active" | "expired" | "used" | "locked" | "revoked";
                useCount: number;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                userId: string;
              };
              /** @description Unix time in milliseconds. */
              expiresAt: number;
              /**
               * Format: uuid
               * @description A Meridian identifier (UUID).
               */
              id: string;
              password: string;
              /** @description data:image/svg+xml;base64,… of the QR code. */
              qr: string;
              /** @description What the QR code encodes. */
              qrPayload: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/{id}/activations/{activationId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Expire an activation now */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          activationId: string;
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/{id}/devices": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Devices a user owns */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` from the previous page. */
          cursor?: string;
          /** @description Items per page, 1 to 500. */
          limit?: number;
        };
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /** @description Unix time in milliseconds. */
                createdAt: number;
                /** @description Unix time in milliseconds. */
                enrolledAt: number | null;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                imei: string | null;
                /** @description Unix time in milliseconds. */
                lastSeenAt: number | null;
                manufacturer: string | null;
                model: string | null;
                name: string;
                osVersion: string | null;
                /** @enum {unknown} */
                ownership: "corporate" | "personal" | "unknown";
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                ownerUserId: string | null;
                /** @enum {unknown} */
                platform: "ios" | "macos" | "android" | "windows";
                serialNumber: string | null;
                /** @enum {unknown} */
                state: "enrolling" | "active" | "inactive" | "lost" | "wiped" | "retired";
                /** @description Unix time in milliseconds. */
                updatedAt: number;
              }[];
              /** @description Pass back as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/{id}/groups": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Groups a user belongs to, directly or through nesting */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A Meridian identifier (UUID). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: {
                /** @description Unix time in milliseconds. */
                createdAt: number;
                description: string;
                externalId: string | null;
                /**
                 * Format: uuid
                 * @description A Meridian identifier (UUID).
                 */
                id: string;
                name: string;
                /** @enum {unknown} */
                source: "local" | "ldap" | "entra" | "scim";
                /** @description Unix time in milliseconds. */
                updatedAt: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/import": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create many users in one request
     * @description Up to 1000 users. Rows that fail are reported by number with the reason; the others are created together. `firstRow` numbers the rows as in your file.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** @default 1 */
            firstRow?: number;
            users: {
              displayName?: string;
              email: string;
              familyName?: string;
              givenName?: string;
              /** @description The row's number in your file; defaults to firstRow + its index. */
              row?: number;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              created: number;
              failed: number;
              results: {
                code?: string;
                email: string;
                id?: string;
                message?: string;
                row: number;
                status: "created" | "failed";
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @description Stable machine-readable error code. */
              code: string;
              /** @description What went wrong, in words a person can act on. */
              detail: string;
              errors?: {
                field: string;
                message: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/healthz": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness and readiness */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @enum {string} */
              status: "ok";
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @enum {string} */
              status: "starting";
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
