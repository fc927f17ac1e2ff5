package io.github.scimkit.core.event;

/** The kind of write a request makes. */
public enum WriteOperation {
  /** POST: a new resource. */
  CREATE,
  /** PUT: a full replacement. */
  REPLACE,
  /** PATCH: a partial modification. */
  PATCH,
  /** DELETE: the resource goes. */
  DELETE
}
