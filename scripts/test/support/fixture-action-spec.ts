// The fixture action of the spec-driven test: what a team adding an action writes in openapi/ucdn.yaml, and
// nothing else. It has an indexed array parameter and a required list of objects in its answer.

export const FIXTURE_ACTION = 'DescribeUcdnFixtureWidgets'

type Spec = {
  paths: Record<string, unknown>
  tags?: { name: string; description?: string }[]
  components: { schemas: Record<string, unknown>; examples: Record<string, unknown> }
}

/** The spec with the fixture action added (a new object; `spec` is not changed). */
export function addFixtureAction(original: Spec): Spec {
  const spec = structuredClone(original)
  spec.tags = [
    ...(spec.tags ?? []),
    { name: 'Fixture', description: 'The spec-driven test’s fixture action.' },
  ]
  spec.paths[`/#Action=${FIXTURE_ACTION}`] = {
    post: {
      operationId: FIXTURE_ACTION,
      summary: 'Describe fixture widgets',
      description: 'A fixture action: widgets by id.',
      tags: ['Fixture'],
      'x-scloud-idempotent': true,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { $ref: `#/components/schemas/${FIXTURE_ACTION}Request` },
            example: { Action: FIXTURE_ACTION, WidgetId: ['w-1', 'w-2'] },
          },
        },
      },
      responses: {
        '200': {
          description: 'The answer.',
          content: {
            'application/json': {
              schema: { $ref: `#/components/schemas/${FIXTURE_ACTION}Response` },
              example: {
                Action: `${FIXTURE_ACTION}Response`,
                RetCode: 0,
                Widgets: [
                  { WidgetId: 'w-1', Size: 3 },
                  { WidgetId: 'w-2', Size: 5 },
                ],
              },
            },
          },
        },
      },
    },
  }
  spec.components.schemas[`${FIXTURE_ACTION}Request`] = {
    type: 'object',
    description: `Parameters of ${FIXTURE_ACTION}.`,
    required: ['Action', 'WidgetId'],
    properties: {
      Action: { type: 'string', description: 'The API command name.', enum: [FIXTURE_ACTION] },
      ProjectId: { type: 'string', minLength: 1, description: 'Project ID.' },
      WidgetId: {
        type: 'array',
        description: 'Widget ids, sent indexed.',
        'x-scloud-wire': 'indexed',
        minItems: 1,
        maxItems: 5,
        items: { type: 'string', minLength: 1 },
      },
      Colour: { type: 'string', description: 'Only widgets of this colour.', enum: ['red', 'blue'] },
    },
  }
  spec.components.schemas[`${FIXTURE_ACTION}Response`] = {
    type: 'object',
    description: `The answer to ${FIXTURE_ACTION}.`,
    required: ['RetCode', 'Action', 'Widgets'],
    properties: {
      RetCode: { $ref: '#/components/schemas/RetCode' },
      Action: { type: 'string', description: 'Operation command name.' },
      Message: { type: 'string', description: 'Error message.' },
      Widgets: {
        type: 'array',
        description: 'The widgets.',
        items: { $ref: '#/components/schemas/FixtureWidget' },
      },
    },
  }
  spec.components.schemas.FixtureWidget = {
    type: 'object',
    description: 'One widget.',
    required: ['WidgetId'],
    properties: {
      WidgetId: { type: 'string', description: 'Its id.' },
      Size: { type: 'integer', description: 'Its size.' },
    },
  }
  return spec
}
