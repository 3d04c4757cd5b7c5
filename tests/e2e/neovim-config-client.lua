-- Neovim (0.7+), headless, started with the init.lua of docs/editors.md (`-u`): opens a Python file
-- so the documented FileType autocmd starts and attaches the router client, then uses it as a user
-- would and prints one JSON result line per step for neovim-config.test.js.
local function emit(step, value)
  io.stdout:write(vim.fn.json_encode({ step = step, value = value }) .. '\n')
end

local ok, failure = pcall(function()
  vim.cmd('edit ' .. os.getenv('ROUTER_WORKSPACE') .. '/stats.py')
  local bufnr = vim.api.nvim_get_current_buf()
  emit('filetype', vim.bo[bufnr].filetype)
  local client
  assert(vim.wait(30000, function()
    client = vim.lsp.get_active_clients()[1]
    return client ~= nil and client.initialized
  end, 20), 'no initialized client after opening a Python file')
  emit('client', { name = client.name, attached = vim.lsp.buf_is_attached(bufnr, client.id), omnifunc = vim.bo[bufnr].omnifunc })

  -- Type a function into line 2; Neovim sends the change itself.
  vim.api.nvim_buf_set_lines(bufnr, 1, 2, false, { 'def mean(values):', '    return ' })
  local res, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion',
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 2, character = 11 } }, 20000)
  emit('completion', { result = res and res[client.id] and res[client.id].result or vim.NIL, err = err or vim.NIL })

  -- The code actions the page lists, on the selected function.
  res, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 1, character = 0 }, ['end'] = { line = 2, character = 11 } },
    context = { diagnostics = {} },
  }, 20000)
  local titles = {}
  for _, action in ipairs(res and res[client.id] and res[client.id].result or {}) do table.insert(titles, action.title) end
  emit('codeActions', titles)

  vim.lsp.stop_client(client.id)
  assert(vim.wait(10000, function() return client.is_stopped() end, 20), 'the client did not stop')
  emit('stopped', true)
end)
if not ok then emit('error', tostring(failure)) end
vim.cmd('qa!')
