;;; eglot-client.el --- eglot (Emacs 28 + eglot 1.9) drives `router lsp' in batch mode  -*- lexical-binding: t -*-
;; Loads the init.el of docs/editors.md (ROUTER_EGLOT_INIT) as a user's configuration, opens a
;; Python file, uses what that configuration offers and prints one JSON line per step on stdout
;; for eglot.test.js to check. Waits on conditions, with a deadline, never on fixed delays.

(package-initialize)
(require 'json)
(require 'subr-x)

(defun router-test-emit (step value)
  (princ (concat (json-encode (list (cons 'step step) (cons 'value value))) "\n")))

(defun router-test-wait (what probe &optional seconds)
  "Let Emacs read the server until PROBE returns non-nil; fail naming WHAT after SECONDS (30)."
  (let ((deadline (+ (float-time) (or seconds 30))))
    (while (not (funcall probe))
      (when (> (float-time) deadline) (error "Timed out waiting for %s" what))
      (accept-process-output nil 0.05))))

(defun router-test-buffer-text (name)
  (when-let ((buffer (get-buffer name)))
    (with-current-buffer buffer (buffer-substring-no-properties (point-min) (point-max)))))

(condition-case failure
    (let ((file (expand-file-name "stats.py" (getenv "ROUTER_WORKSPACE"))))
      (load (getenv "ROUTER_EGLOT_INIT") nil t)
      (find-file file)
      ;; python-mode-hook ran eglot-ensure, which connects after the current command: in batch
      ;; Emacs there is no command loop, so end the "command" as the loop would.
      (run-hooks 'post-command-hook)
      (router-test-wait "eglot to manage the buffer" (lambda () (bound-and-true-p eglot--managed-mode)) 60)
      (let ((server (eglot-current-server)))
        (router-test-emit "connected" (jsonrpc-name server))
        (router-test-emit "inlineCompletionProvider"
                          (if (plist-get (eglot--capabilities server) :inlineCompletionProvider) t :json-false))

        ;; Type a function into line 2 like a user; eglot sends the changes itself.
        (goto-char (point-min))
        (forward-line 1)
        (insert "def mean(values):\n    return ")
        (let* ((capf (eglot-completion-at-point))
               (candidates (all-completions "" (nth 2 capf))))
          (router-test-emit "candidates" (vconcat candidates)))
        (let ((before (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
          (completion-at-point)
          (router-test-emit "completedLine"
                            (list (cons 'before before)
                                  (cons 'after (buffer-substring-no-properties (line-beginning-position) (line-end-position))))))
        (router-test-wait "the mode line to name the model" #'router-mode-line)
        (router-test-emit "modeLine" (router-mode-line))

        ;; Explain lines 2-3: the answer streams into *router answer*.
        (let ((beg (progn (goto-char (point-min)) (forward-line 1) (point)))
              (end (progn (forward-line 1) (line-end-position))))
          (router-test-emit "codeActions"
                            (vconcat (mapcar (lambda (a) (plist-get a :title)) (eglot-code-actions beg end))))
          (router-explain beg end)
          (router-test-wait "the answer to finish"
                            (lambda () (let ((text (router-test-buffer-text "*router answer*")))
                                         (and text (not (string-match-p "streaming" text)))))
                            60)
          (router-test-emit "answer" (router-test-buffer-text "*router answer*"))

          (router-refactor beg end "Add error handling")
          (router-test-emit "refactored" (buffer-substring-no-properties (point-min) (point-max)))

          ;; eglot 1.9 cannot resolve code actions lazily, so the server gives it each refactor as a command:
          ;; run the one picked, as eglot-code-actions does, and the server applies the edit (workspace/applyEdit).
          ;; eglot asks before applying an edit a server sends; in batch mode nobody can answer, so it does not ask.
          (setq eglot-confirm-server-initiated-edits nil)
          (let* ((end (save-excursion (goto-char beg) (forward-line 1) (line-end-position)))
                 (action (seq-find (lambda (a) (equal (plist-get a :title) "Add error handling (AI)"))
                                   (eglot-code-actions beg end)))
                 (command (plist-get action :command))
                 (result (eglot-execute-command server (plist-get command :command) (plist-get command :arguments))))
            (router-test-emit "actionCommand" (or (plist-get command :command) :null))
            (router-test-emit "actionApplied" (if (and (plist-get result :edit)
                                                      (not (string-match-p "did not apply" (or (plist-get result :message) ""))))
                                                 t :json-false))))

        (router-why-this-model)
        (router-test-emit "decisions" (router-test-buffer-text "*router decisions*"))
        (eglot-shutdown server nil 15)
        (router-test-emit "shutdown" t)))
  (error (router-test-emit "error" (error-message-string failure))))
(kill-emacs 0)
