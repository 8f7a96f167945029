import { reactive, ref } from 'vue'
import { errorMessage } from '@/api/client'
import { fieldErrorsOf } from '@/shared/violations'

export interface DialogFormOptions<M extends object> {
  /** A fresh model; show() starts from it (plus the values it is given). */
  initial: () => M
  /** Sends the model; a throw keeps the dialog open with the server's field errors on the form. */
  submit: (model: M) => Promise<unknown>
  /** Checks made before sending: field → message (empty when all is well). */
  validate?: (model: M) => Record<string, string | undefined>
  /** The form's fields the server's violations may name (default: the model's keys). */
  fields?: readonly string[]
  /** Server field names (or paths) → the form's, where they differ. */
  aliases?: Record<string, string>
  /** The message when the server says nothing more specific. */
  failure?: string
}

/**
 * A dialog's form: open/close, its model, checks before sending, the saving flag, and the server's
 * problem+json — each violation onto the field it names, the rest (or the detail) as the dialog's problem.
 */
export function useDialogForm<M extends object>(options: DialogFormOptions<M>) {
  const open = ref(false)
  // Models are flat (strings, numbers): the reactive proxy reads and writes as M itself.
  const model = reactive(options.initial()) as M
  const errors = reactive<Record<string, string>>({})
  const problem = ref('')
  const saving = ref(false)

  function clearErrors(): void {
    for (const k of Object.keys(errors)) delete errors[k]
    problem.value = ''
  }

  /** Opens the dialog on a fresh model, overlaid with `values`. */
  function show(values: Partial<M> = {}): void {
    Object.assign(model, options.initial(), values)
    clearErrors()
    open.value = true
  }

  function close(): void {
    open.value = false
  }

  /** Validates, sends and closes; resolves to whether the model was saved. */
  async function save(): Promise<boolean> {
    clearErrors()
    const found = Object.entries(options.validate?.(model) ?? {}).filter((e): e is [string, string] => !!e[1])
    if (found.length) {
      for (const [k, v] of found) errors[k] = v
      return false
    }
    saving.value = true
    try {
      await options.submit(model)
      open.value = false
      return true
    } catch (e) {
      const { fields, unmatched } = fieldErrorsOf(e, options.fields ?? Object.keys(options.initial()), options.aliases)
      Object.assign(errors, fields)
      problem.value =
        unmatched.map((v) => v.message).join('；') ||
        (Object.keys(fields).length ? '' : errorMessage(e, options.failure ?? '保存失败'))
      return false
    } finally {
      saving.value = false
    }
  }

  return { open, model, errors, problem, saving, show, close, save }
}
