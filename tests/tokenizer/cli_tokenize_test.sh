#!/bin/sh
# agora-cli tokenize against the reference suite: --raw --ids must print exactly the .out line of
# a case, the default mode adds BOS, --file reads bytes as they are, and errors exit non-zero.
# usage: cli_tokenize_test.sh AGORA_CLI SHARED_DIR
set -u
cli="$1"
vocab="$2/fixtures/vocab"
fail=0
check() { # name expected actual
    if [ "$2" = "$3" ]; then echo "PASS $1"; else echo "FAIL $1: expected '$2', got '$3'"; fail=1; fi
}
expected=$(sed -n 12p "$vocab/ggml-vocab-llama-spm.gguf.out" | sed 's/^ *//')
check "raw ids (llama-spm, case 11)" "$expected" "$("$cli" tokenize "$vocab/ggml-vocab-llama-spm.gguf" "Hello world" --raw --ids)"
check "default adds BOS" "1 $expected" "$("$cli" tokenize "$vocab/ggml-vocab-llama-spm.gguf" "Hello world" --ids)"
expected=$(sed -n 33p "$vocab/ggml-vocab-qwen2.gguf.out" | sed 's/^ *//')
tmp=$(mktemp)
printf "Hello, y'all! How are you \360\237\230\201 ?\346\210\221\346\203\263\345\234\250apple\345\267\245\344\275\2341314151\345\244\251\357\275\236" > "$tmp"
check "--file (qwen2, case 32)" "$expected" "$("$cli" tokenize "$vocab/ggml-vocab-qwen2.gguf" --file "$tmp" --raw --ids)"
rm -f "$tmp"
check "special text parsed by default" "151644" "$("$cli" tokenize "$vocab/ggml-vocab-qwen2.gguf" "<|im_start|>" --ids)"
check "special text left as text with --raw" "27 91 318 4906 91 29" "$("$cli" tokenize "$vocab/ggml-vocab-qwen2.gguf" "<|im_start|>" --raw --ids)"
check "one line per token" "15043 -> ' Hello'" "$("$cli" tokenize "$vocab/ggml-vocab-llama-spm.gguf" "Hello" --raw)"
"$cli" tokenize /nonexistent.gguf "x" >/dev/null 2>&1
check "missing file fails" "1" "$?"
"$cli" tokenize >/dev/null 2>&1
check "no arguments is a usage error" "2" "$?"
exit $fail
