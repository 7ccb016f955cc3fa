import Foundation

/// The OpenAPI 3.1 description of `govtag serve`, served at `GET /openapi.json`.
///
/// Kept in the binary (not a resource file) so that an installed or relocated `govtag` serves
/// it too; `make test-serve` runs schemathesis against a live server with it, and a unit test
/// checks that every route the server registers is described here and the other way round.
enum OpenAPIDocument {
  /// The document, with the server's `--max-records` as the array's `maxItems`.
  static func json(maxRecords: Int) -> String {
    template.replacingOccurrences(of: "\"maxItems\": 1000", with: "\"maxItems\": \(maxRecords)")
  }

  private static let template = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "GovTag",
        "version": "1",
        "summary": "Labels Chinese digital-government case narratives (数字政府建设案例) with explainable lexicon rules.",
        "description": "Send one case record, or an array of them, and get back the labelled records that `govtag tag` writes for them: labels, scores, confidences, location, review flags and evidence. Every answer of /v1/tag, /v1/explain, /v1/lexicon, /healthz and /v1/admin/reload names the lexicon version in the GovTag-Lexicon-Version header, and each labelled record carries it in lexicon_version. Errors are JSON: {\"error\": {\"status\", \"code\", \"message\", \"hint\"}}. HEAD is answered on every GET route as GET is, without the body.",
        "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"}
      },
      "servers": [{"url": "http://127.0.0.1:8080"}],
      "paths": {
        "/v1/tag": {
          "post": {
            "operationId": "tag",
            "summary": "Label one record or an array of records",
            "parameters": [{"$ref": "#/components/parameters/Evidence"}, {"$ref": "#/components/parameters/EvidenceLayout"}],
            "requestBody": {"$ref": "#/components/requestBodies/Records"},
            "responses": {
              "200": {
                "description": "The labelled record (for one record) or an array of them, in order. With Accept: application/x-ndjson, one labelled record per line: the bytes `govtag tag` writes.",
                "headers": {
                  "GovTag-Lexicon-Version": {"$ref": "#/components/headers/LexiconVersion"},
                  "GovTag-Warning": {"$ref": "#/components/headers/Warning"}
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "oneOf": [
                        {"$ref": "#/components/schemas/LabelledRecord"},
                        {"type": "array", "items": {"$ref": "#/components/schemas/LabelledRecord"}}
                      ]
                    }
                  },
                  "application/x-ndjson": {"schema": {"type": "string"}}
                }
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "408": {"$ref": "#/components/responses/BodyTimeout"},
              "413": {"$ref": "#/components/responses/TooLarge"},
              "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
              "503": {"$ref": "#/components/responses/AnswersPending"},
              "422": {"$ref": "#/components/responses/InvalidRecords"}
            }
          }
        },
        "/v1/explain": {
          "post": {
            "operationId": "explain",
            "summary": "Explain how one record or an array of records is labelled",
            "requestBody": {"$ref": "#/components/requestBodies/Records"},
            "responses": {
              "200": {
                "description": "Every hit of each record, those that did not count too (with status and why), and the report `govtag explain` prints.",
                "headers": {"GovTag-Lexicon-Version": {"$ref": "#/components/headers/LexiconVersion"}},
                "content": {
                  "application/json": {
                    "schema": {
                      "oneOf": [
                        {"$ref": "#/components/schemas/Explanation"},
                        {"type": "array", "items": {"$ref": "#/components/schemas/Explanation"}}
                      ]
                    }
                  }
                }
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "408": {"$ref": "#/components/responses/BodyTimeout"},
              "413": {"$ref": "#/components/responses/TooLarge"},
              "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
              "503": {"$ref": "#/components/responses/AnswersPending"},
              "422": {"$ref": "#/components/responses/InvalidRecords"}
            }
          }
        },
        "/v1/lexicon": {
          "get": {
            "operationId": "lexicon",
            "summary": "The lexicons in use: versions, dimensions, categories",
            "responses": {
              "200": {
                "description": "The lexicon summary.",
                "headers": {"GovTag-Lexicon-Version": {"$ref": "#/components/headers/LexiconVersion"}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Lexicon"}}}
              },
              "400": {"$ref": "#/components/responses/BadParameter"}
            }
          }
        },
        "/v1/admin/reload": {
          "post": {
            "operationId": "reload",
            "summary": "Load the lexicons again (enabled by --admin-token-file)",
            "description": "Requests in flight finish on the old lexicons. Lexicons that `govtag lexicon check` would refuse are refused, and the old ones stay. SIGHUP does the same.",
            "security": [{"bearer": []}],
            "responses": {
              "200": {
                "description": "The new lexicons are in place.",
                "headers": {"GovTag-Lexicon-Version": {"$ref": "#/components/headers/LexiconVersion"}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Reload"}}}
              },
              "400": {"$ref": "#/components/responses/BadParameter"},
              "401": {"description": "No admin token, or the wrong one.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "404": {"description": "Reloading over HTTP is not enabled.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "409": {"description": "Another reload is running.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "422": {"description": "The lexicons do not load; error.problems lists each file and line. The old lexicons stay.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          }
        },
        "/healthz": {
          "get": {
            "operationId": "health",
            "summary": "Whether the server answers, and with which lexicons",
            "responses": {
              "200": {
                "description": "The server is up.",
                "headers": {"GovTag-Lexicon-Version": {"$ref": "#/components/headers/LexiconVersion"}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}
              },
              "400": {"$ref": "#/components/responses/BadParameter"}
            }
          }
        },
        "/metrics": {
          "get": {
            "operationId": "metrics",
            "summary": "Prometheus metrics",
            "responses": {
              "200": {"description": "The Prometheus text exposition.", "content": {"text/plain": {"schema": {"type": "string"}}}},
              "400": {"$ref": "#/components/responses/BadParameter"}
            }
          }
        },
        "/openapi.json": {
          "get": {
            "operationId": "openapi",
            "summary": "This document",
            "responses": {
              "200": {"description": "The OpenAPI document.", "content": {"application/json": {"schema": {"type": "object"}}}},
              "400": {"$ref": "#/components/responses/BadParameter"}
            }
          }
        }
      },
      "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "parameters": {
          "Evidence": {
            "name": "evidence",
            "in": "query",
            "required": false,
            "description": "Which hits go into evidence, as govtag tag --evidence: standard (those that counted or were excluded), all, none.",
            "schema": {"type": "string", "enum": ["standard", "all", "none"], "default": "standard"}
          },
          "EvidenceLayout": {
            "name": "evidence_layout",
            "in": "query",
            "required": false,
            "description": "How evidence is laid out, as govtag tag --evidence-layout: compact ({dimension: {category: {term: [[field, start, end, contribution, status?, why?], …]}}}) or full (one object per hit with match, context, weight and lexicon).",
            "schema": {"type": "string", "enum": ["compact", "full"], "default": "compact"}
          }
        },
        "headers": {
          "LexiconVersion": {"description": "The version of the lexicons that labelled the answer.", "schema": {"type": "string"}},
          "Warning": {"description": "Present when records carried fields GovTag writes itself (labels, review, error, confidence…), which the answer replaces or drops: how many records, and which fields, as govtag tag warns.", "schema": {"type": "string"}}
        },
        "requestBodies": {
          "Records": {
            "required": true,
            "description": "One record, or an array of up to --max-records of them (maxItems below is this server's), in at most --max-body bytes (default 4 MiB) of UTF-8 JSON.",
            "content": {
              "application/json": {
                "schema": {
                  "oneOf": [
                    {"$ref": "#/components/schemas/Record"},
                    {"type": "array", "items": {"$ref": "#/components/schemas/Record"}, "maxItems": 1000}
                  ]
                }
              }
            }
          }
        },
        "responses": {
          "BadRequest": {"description": "The body is not UTF-8, not JSON, empty, or neither a record nor an array; or it ended before its Content-Length (code body_incomplete); or a query parameter has a wrong value, is unknown, or is given more than once (code invalid_parameter).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "BadParameter": {"description": "A query parameter: this route takes none (code invalid_parameter).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "BodyTimeout": {"description": "The request's body did not arrive in full within --body-timeout seconds of its head (code body_timeout); the connection is then closed. A head that does not arrive within --body-timeout of its first byte gets no answer: the connection is closed.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "TooLarge": {"description": "The body is over --max-body bytes (code body_too_large), or the answer would be over --max-answer bytes (code answer_too_large: send fewer or shorter records, ask for less evidence, or raise --max-answer).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "UnsupportedMediaType": {"description": "The body is not declared as application/json in UTF-8 (codes unsupported_media_type, unsupported_charset), or it is compressed: a Content-Encoding other than identity (code unsupported_content_encoding; send it uncompressed).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "AnswersPending": {"description": "Large answers other clients have not yet read fill the server's answer budget (four times --max-answer, checked when an answer is built): the records were labelled, but the answer was not kept (code answers_pending). Retry after the Retry-After header's seconds.", "headers": {"Retry-After": {"schema": {"type": "integer"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "InvalidRecords": {"description": "More records than --max-records (code too_many_records); or some records lack an id or a text, or have a field of the wrong type (code invalid_records, and error.records lists each). Nothing was labelled.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Record": {
            "type": "object",
            "description": "A case record; fields other than id, title and text are kept in the answer unchanged.",
            "required": ["id", "text"],
            "properties": {
              "id": {"oneOf": [{"type": "string", "minLength": 1}, {"type": "integer"}]},
              "title": {"type": ["string", "null"]},
              "text": {"type": "string"}
            }
          },
          "LabelledRecord": {
            "type": "object",
            "required": ["id", "text", "labels", "scores", "location", "review", "text_hash", "lexicon_version", "govtag_version", "icu_version"],
            "properties": {
              "id": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
              "title": {"type": ["string", "null"]},
              "text": {"type": "string"},
              "labels": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
              "scores": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "number"}}},
              "implied": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}},
              "confidence": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1}}},
              "location": {
                "type": "object",
                "required": ["province", "city", "district", "region", "chain", "candidates", "evidence"],
                "properties": {
                  "province": {"type": ["string", "null"]},
                  "city": {"type": ["string", "null"]},
                  "district": {"type": ["string", "null"]},
                  "region": {"type": ["string", "null"]},
                  "chain": {"type": "array", "items": {"type": "string"}},
                  "reason": {"type": "string"},
                  "candidates": {"type": "array", "items": {"type": "string"}},
                  "evidence": {"type": "array", "items": {"type": "object"}}
                }
              },
              "review": {
                "type": "object",
                "required": ["needs_review", "reasons"],
                "properties": {
                  "needs_review": {"type": "boolean"},
                  "reasons": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["code", "message"],
                      "properties": {"code": {"type": "string"}, "category": {"type": "string"}, "message": {"type": "string"}}
                    }
                  }
                }
              },
              "evidence": {
                "oneOf": [
                  {
                    "type": "object",
                    "description": "evidence_layout=compact: {dimension: {category: {term: [hit, …]}}}, each hit [field, start, end, contribution] or [field, start, end, contribution, status, why].",
                    "additionalProperties": {
                      "type": "object",
                      "additionalProperties": {
                        "type": "object",
                        "additionalProperties": {
                          "type": "array",
                          "items": {
                            "type": "array",
                            "minItems": 4,
                            "maxItems": 6,
                            "prefixItems": [
                              {"type": "string", "enum": ["title", "text"]},
                              {"type": "integer", "minimum": 0},
                              {"type": "integer", "minimum": 0},
                              {"type": ["number", "null"]},
                              {"type": "string"},
                              {"type": "string"}
                            ]
                          }
                        }
                      }
                    }
                  },
                  {
                    "type": "array",
                    "description": "evidence_layout=full: one object per hit.",
                    "items": {
                      "type": "object",
                      "required": ["dimension", "category", "term", "field", "start", "end", "status"],
                      "properties": {
                        "dimension": {"type": "string"},
                        "category": {"type": "string"},
                        "term": {"type": "string"},
                        "field": {"type": "string", "enum": ["title", "text"]},
                        "start": {"type": "integer", "minimum": 0},
                        "end": {"type": "integer", "minimum": 0},
                        "match": {"type": "string"},
                        "context": {"type": "string"},
                        "weight": {"type": "number"},
                        "contribution": {"type": ["number", "null"]},
                        "status": {"type": "string"},
                        "why": {"type": "string"},
                        "lexicon": {"type": "string"}
                      }
                    }
                  }
                ]
              },
              "text_hash": {"type": "string"},
              "lexicon_version": {"type": "string"},
              "govtag_version": {"type": "string"},
              "icu_version": {"type": "string"}
            }
          },
          "Explanation": {
            "type": "object",
            "required": ["record", "report", "calibration_stale"],
            "properties": {
              "record": {"type": "object", "description": "The tagged record with every hit, in the library's TaggedRecord form (snake_case keys)."},
              "report": {"type": "string", "description": "The explanation as govtag explain prints it."},
              "calibration_stale": {"type": "boolean", "description": "calibration.yaml was fitted against other lexicons: the confidences, the labels of categories labelled by confidence and the review flags come from curves fitted to other lexicons until govtag calibrate remakes it."}
            }
          },
          "Lexicon": {
            "type": "object",
            "required": ["lexicon_version", "govtag_version", "icu_version", "directory", "calibrated", "calibration_stale", "dimensions", "generation", "loaded_at"],
            "properties": {
              "lexicon_version": {"type": "string"},
              "govtag_version": {"type": "string"},
              "icu_version": {"type": "string"},
              "directory": {"type": "string"},
              "calibrated": {"type": "boolean"},
              "calibration_stale": {"type": "boolean", "description": "calibration.yaml was fitted against other lexicons (after an edit): the confidences, the labels of the categories labelled by confidence and the review flags come from curves fitted to other lexicons until the file is remade."},
              "calibration_warning": {"type": "string", "description": "When calibration_stale: a sentence naming the file, the lexicon versions, what the stale curves decide and what to do (remake the file with the command on its Made by line)."},
              "generation": {"type": "integer", "minimum": 1, "description": "1 for the lexicons loaded at start, one more per reload."},
              "loaded_at": {"type": "string", "format": "date-time"},
              "dimensions": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["id", "name", "file", "categories"],
                  "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "file": {"type": "string"},
                    "categories": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["id", "name", "threshold"],
                        "properties": {
                          "id": {"type": "string"},
                          "name": {"type": "string"},
                          "threshold": {"type": "number"},
                          "implied_by": {"type": "string"}
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "Health": {
            "type": "object",
            "required": ["status", "lexicon_version", "generation"],
            "properties": {"status": {"const": "ok"}, "lexicon_version": {"type": "string"}, "generation": {"type": "integer"}}
          },
          "Reload": {
            "type": "object",
            "required": ["status", "previous_version", "lexicon_version", "generation", "warnings"],
            "properties": {
              "status": {"const": "reloaded"},
              "previous_version": {"type": "string"},
              "lexicon_version": {"type": "string"},
              "generation": {"type": "integer"},
              "warnings": {"type": "array", "items": {"type": "string"}}
            }
          },
          "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
              "error": {
                "type": "object",
                "required": ["status", "code", "message", "hint"],
                "properties": {
                  "status": {"type": "integer"},
                  "code": {"type": "string"},
                  "message": {"type": "string"},
                  "hint": {"type": "string"},
                  "records": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["index", "reason"],
                      "properties": {"index": {"type": "integer", "minimum": 1}, "id": {"type": "string"}, "reason": {"type": "string"}, "hint": {"type": "string"}}
                    }
                  },
                  "problems": {"type": "array", "items": {"type": "string"}}
                }
              }
            }
          }
        }
      }
    }
    """#
}
