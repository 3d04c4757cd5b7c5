-- Neovim's built-in LSP client (0.7+), headless: opens a file, types, asks `router lsp` for
-- completions and prints one JSON result line per step for neovim.test.js to check.
local function emit(step, value)
  io.stdout:write(vim.fn.json_encode({ step = step, value = value }) .. '\n')
end

local ok, failure = pcall(function()
  local cmd = vim.fn.json_decode(os.getenv('ROUTER_LSP_CMD'))
  local root = os.getenv('ROUTER_WORKSPACE')
  vim.cmd('edit ' .. root .. '/shapes.go')
  local bufnr = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, { 'package shapes', '', 'func Area(w, h float64) float64 {', '', '}' })

  local exit_code = nil
  local client_id = vim.lsp.start_client({
    name = 'router',
    cmd = cmd,
    root_dir = root,
    on_exit = function(code) exit_code = code end,
  })
  assert(client_id, 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  assert(vim.wait(30000, function() return client.initialized end, 20), 'initialize timed out')
  local caps = client.server_capabilities or client.resolved_capabilities
  emit('capabilities', caps)

  -- Type into the function body like a user; Neovim sends the change itself.
  vim.api.nvim_buf_set_lines(bufnr, 3, 4, false, { '\treturn ' })
  local position = { line = 3, character = 8 }
  local td = { uri = vim.uri_from_bufnr(bufnr) }

  local res, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/inlineCompletion',
    { textDocument = td, position = position, context = { triggerKind = 1 } }, 20000)
  emit('inlineCompletion', { result = res and res[client_id] and res[client_id].result or vim.NIL, err = err or vim.NIL })

  res, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion',
    { textDocument = td, position = position }, 20000)
  emit('completion', { result = res and res[client_id] and res[client_id].result or vim.NIL, err = err or vim.NIL })

  vim.lsp.stop_client(client_id)
  vim.wait(10000, function() return exit_code ~= nil end, 20)
  emit('exit', exit_code or vim.NIL)
end)
if not ok then emit('error', tostring(failure)) end
vim.cmd('qa!')
