import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/client'
import { fieldErrorsOf, violationsToFields } from './violations'

const FIELDS = ['creditCode', 'employerName', 'keyCategories', 'password']

describe('violationsToFields', () => {
  it('maps plain and path-like field names onto form props', () => {
    const r = violationsToFields(
      [
        { field: 'creditCode', message: '校验位不正确' },
        { field: 'apply.arg0.employerName', message: '不能为空' },
        { field: 'keyCategories[1]', message: '未知类别' },
      ],
      FIELDS,
    )
    expect(r.fields).toEqual({ creditCode: '校验位不正确', employerName: '不能为空', keyCategories: '未知类别' })
    expect(r.unmatched).toEqual([])
  })

  it('joins several messages for one field and keeps unknown fields aside', () => {
    const r = violationsToFields(
      [
        { field: 'password', message: '至少 8 位' },
        { field: 'password', message: '至少 3 类字符' },
        { field: 'somethingElse', message: '?' },
      ],
      FIELDS,
    )
    expect(r.fields.password).toBe('至少 8 位；至少 3 类字符')
    expect(r.unmatched).toEqual([{ field: 'somethingElse', message: '?' }])
  })

  it('honours aliases', () => {
    const r = violationsToFields([{ field: 'name', message: 'x' }], FIELDS, { name: 'employerName' })
    expect(r.fields).toEqual({ employerName: 'x' })
  })

  it('reads violations from an ApiError only', () => {
    const e = new ApiError(400, { status: 400, detail: 'bad', violations: [{ field: 'creditCode', message: 'm' }] })
    expect(fieldErrorsOf(e, FIELDS).fields).toEqual({ creditCode: 'm' })
    expect(fieldErrorsOf(new Error('x'), FIELDS).fields).toEqual({})
  })
})
