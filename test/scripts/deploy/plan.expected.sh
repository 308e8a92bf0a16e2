# Kế hoạch triển khai Thi đua cho dự án thidua-demo, vùng asia-southeast1.
# Cần đặt trước các biến SENDGRID_API_KEY, INGEST_SECRET và UNIT_SECRET_KEY; giá trị của chúng không bao giờ được in ra.

# Bật các API cần dùng (không cần Forms API: biểu mẫu do Apps Script tạo).
gcloud services enable iam.googleapis.com sheets.googleapis.com drive.googleapis.com cloudfunctions.googleapis.com run.googleapis.com cloudbuild.googleapis.com artifactregistry.googleapis.com cloudscheduler.googleapis.com secretmanager.googleapis.com logging.googleapis.com --project=thidua-demo

# Tài khoản dịch vụ chạy các hàm; chia sẻ bảng tính cho tài khoản này với quyền Người chỉnh sửa.
gcloud iam service-accounts create thidua-functions '--display-name=Thi đua functions' --project=thidua-demo

# Tài khoản dịch vụ của Cloud Scheduler: chỉ dùng để gọi các hàm (mã OIDC), không có quyền nào khác.
gcloud iam service-accounts create thidua-scheduler '--display-name=Thi đua scheduler' --project=thidua-demo

# Tài khoản dịch vụ đóng gói các hàm (Cloud Build), để dự án mới cũng triển khai được.
gcloud iam service-accounts create thidua-build '--display-name=Thi đua build' --project=thidua-demo

# Quyền tối thiểu của tài khoản chạy hàm: ghi nhật ký.
gcloud projects add-iam-policy-binding thidua-demo --member=serviceAccount:thidua-functions@thidua-demo.iam.gserviceaccount.com --role=roles/logging.logWriter --condition=None

# Quyền của tài khoản đóng gói: roles/logging.logWriter.
gcloud projects add-iam-policy-binding thidua-demo --member=serviceAccount:thidua-build@thidua-demo.iam.gserviceaccount.com --role=roles/logging.logWriter --condition=None

# Quyền của tài khoản đóng gói: roles/artifactregistry.writer.
gcloud projects add-iam-policy-binding thidua-demo --member=serviceAccount:thidua-build@thidua-demo.iam.gserviceaccount.com --role=roles/artifactregistry.writer --condition=None

# Quyền của tài khoản đóng gói: roles/storage.objectAdmin.
gcloud projects add-iam-policy-binding thidua-demo --member=serviceAccount:thidua-build@thidua-demo.iam.gserviceaccount.com --role=roles/storage.objectAdmin --condition=None

# Lưu SENDGRID_API_KEY vào Secret Manager (giá trị đọc từ biến môi trường, không in ra).
printf '%s' "$SENDGRID_API_KEY" | gcloud secrets create thidua-sendgrid-key --replication-policy=automatic --data-file=- --project=thidua-demo

# Chỉ tài khoản chạy hàm được đọc bí mật thidua-sendgrid-key.
gcloud secrets add-iam-policy-binding thidua-sendgrid-key --member=serviceAccount:thidua-functions@thidua-demo.iam.gserviceaccount.com --role=roles/secretmanager.secretAccessor --project=thidua-demo

# Lưu INGEST_SECRET vào Secret Manager (giá trị đọc từ biến môi trường, không in ra).
printf '%s' "$INGEST_SECRET" | gcloud secrets create thidua-ingest-secret --replication-policy=automatic --data-file=- --project=thidua-demo

# Chỉ tài khoản chạy hàm được đọc bí mật thidua-ingest-secret.
gcloud secrets add-iam-policy-binding thidua-ingest-secret --member=serviceAccount:thidua-functions@thidua-demo.iam.gserviceaccount.com --role=roles/secretmanager.secretAccessor --project=thidua-demo

# Lưu UNIT_SECRET_KEY vào Secret Manager (giá trị đọc từ biến môi trường, không in ra).
printf '%s' "$UNIT_SECRET_KEY" | gcloud secrets create thidua-unit-secret-key --replication-policy=automatic --data-file=- --project=thidua-demo

# Chỉ tài khoản chạy hàm được đọc bí mật thidua-unit-secret-key.
gcloud secrets add-iam-policy-binding thidua-unit-secret-key --member=serviceAccount:thidua-functions@thidua-demo.iam.gserviceaccount.com --role=roles/secretmanager.secretAccessor --project=thidua-demo

# Đóng gói các hàm vào dist/: biên dịch TypeScript sang JavaScript, kèm các mẫu thư.
npm run build

# Triển khai hàm ingest (gen2, Node.js 22, tối đa 3 phiên bản, mỗi phiên bản 1 yêu cầu một lúc); địa chỉ công khai vì trình kích hoạt biểu mẫu gọi nó, mỗi yêu cầu được kiểm tra chữ ký hoặc mã OIDC.
gcloud functions deploy ingest --gen2 --runtime=nodejs22 --region=asia-southeast1 --source=dist --entry-point=ingest --trigger-http --allow-unauthenticated --service-account=thidua-functions@thidua-demo.iam.gserviceaccount.com --build-service-account=projects/thidua-demo/serviceAccounts/thidua-build@thidua-demo.iam.gserviceaccount.com --memory=512Mi --timeout=300s --max-instances=3 --concurrency=1 --set-env-vars=NODE_ENV=production,SPREADSHEET_ID=1AbCdEfGhIjKlMnOp,MAIL_FROM=thuongtruc@example.vn,OIDC_AUDIENCE=https://asia-southeast1-thidua-demo.cloudfunctions.net/ingest,SCHEDULER_SERVICE_ACCOUNT=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --set-secrets=SENDGRID_API_KEY=thidua-sendgrid-key:latest,UNIT_SECRET_KEY=thidua-unit-secret-key:latest,INGEST_SECRET=thidua-ingest-secret:latest --project=thidua-demo

# Triển khai hàm remind (gen2, Node.js 22, tối đa 1 phiên bản, 1 yêu cầu một lúc); không công khai: chỉ tài khoản được cấp quyền mới gọi được.
gcloud functions deploy remind --gen2 --runtime=nodejs22 --region=asia-southeast1 --source=dist --entry-point=remind --trigger-http --no-allow-unauthenticated --service-account=thidua-functions@thidua-demo.iam.gserviceaccount.com --build-service-account=projects/thidua-demo/serviceAccounts/thidua-build@thidua-demo.iam.gserviceaccount.com --memory=256Mi --timeout=300s --max-instances=1 --concurrency=1 --set-env-vars=NODE_ENV=production,SPREADSHEET_ID=1AbCdEfGhIjKlMnOp,MAIL_FROM=thuongtruc@example.vn,OIDC_AUDIENCE=https://asia-southeast1-thidua-demo.cloudfunctions.net/remind,SCHEDULER_SERVICE_ACCOUNT=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --set-secrets=SENDGRID_API_KEY=thidua-sendgrid-key:latest,UNIT_SECRET_KEY=thidua-unit-secret-key:latest --project=thidua-demo

# Chỉ tài khoản thidua-scheduler được gọi hàm remind (vai trò roles/run.invoker); hàm vẫn kiểm tra mã OIDC của nó.
gcloud functions add-invoker-policy-binding remind --region=asia-southeast1 --member=serviceAccount:thidua-scheduler@thidua-demo.iam.gserviceaccount.com --project=thidua-demo

# Triển khai hàm digest (gen2, Node.js 22, tối đa 1 phiên bản, 1 yêu cầu một lúc); không công khai: chỉ tài khoản được cấp quyền mới gọi được.
gcloud functions deploy digest --gen2 --runtime=nodejs22 --region=asia-southeast1 --source=dist --entry-point=digest --trigger-http --no-allow-unauthenticated --service-account=thidua-functions@thidua-demo.iam.gserviceaccount.com --build-service-account=projects/thidua-demo/serviceAccounts/thidua-build@thidua-demo.iam.gserviceaccount.com --memory=256Mi --timeout=300s --max-instances=1 --concurrency=1 --set-env-vars=NODE_ENV=production,SPREADSHEET_ID=1AbCdEfGhIjKlMnOp,MAIL_FROM=thuongtruc@example.vn,OIDC_AUDIENCE=https://asia-southeast1-thidua-demo.cloudfunctions.net/digest,SCHEDULER_SERVICE_ACCOUNT=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --set-secrets=SENDGRID_API_KEY=thidua-sendgrid-key:latest,UNIT_SECRET_KEY=thidua-unit-secret-key:latest --project=thidua-demo

# Chỉ tài khoản thidua-scheduler được gọi hàm digest (vai trò roles/run.invoker); hàm vẫn kiểm tra mã OIDC của nó.
gcloud functions add-invoker-policy-binding digest --region=asia-southeast1 --member=serviceAccount:thidua-scheduler@thidua-demo.iam.gserviceaccount.com --project=thidua-demo

# Triển khai hàm rollup (gen2, Node.js 22, tối đa 1 phiên bản, mỗi phiên bản 1 yêu cầu một lúc); địa chỉ công khai vì trình đơn "Tổng hợp cấp dưới" của bảng tính gọi nó, mỗi yêu cầu được kiểm tra chữ ký hoặc mã OIDC.
gcloud functions deploy rollup --gen2 --runtime=nodejs22 --region=asia-southeast1 --source=dist --entry-point=rollup --trigger-http --allow-unauthenticated --service-account=thidua-functions@thidua-demo.iam.gserviceaccount.com --build-service-account=projects/thidua-demo/serviceAccounts/thidua-build@thidua-demo.iam.gserviceaccount.com --memory=256Mi --timeout=1500s --max-instances=1 --concurrency=1 --set-env-vars=NODE_ENV=production,SPREADSHEET_ID=1AbCdEfGhIjKlMnOp,MAIL_FROM=thuongtruc@example.vn,OIDC_AUDIENCE=https://asia-southeast1-thidua-demo.cloudfunctions.net/rollup,SCHEDULER_SERVICE_ACCOUNT=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --set-secrets=SENDGRID_API_KEY=thidua-sendgrid-key:latest,UNIT_SECRET_KEY=thidua-unit-secret-key:latest,INGEST_SECRET=thidua-ingest-secret:latest --project=thidua-demo

# Triển khai hàm documents (gen2, Node.js 22, tối đa 1 phiên bản, mỗi phiên bản 1 yêu cầu một lúc); địa chỉ công khai vì trình đơn "Tạo văn bản báo cáo" của bảng tính gọi nó, mỗi yêu cầu được kiểm tra chữ ký hoặc mã OIDC.
gcloud functions deploy documents --gen2 --runtime=nodejs22 --region=asia-southeast1 --source=dist --entry-point=documents --trigger-http --allow-unauthenticated --service-account=thidua-functions@thidua-demo.iam.gserviceaccount.com --build-service-account=projects/thidua-demo/serviceAccounts/thidua-build@thidua-demo.iam.gserviceaccount.com --memory=512Mi --timeout=300s --max-instances=1 --concurrency=1 --set-env-vars=NODE_ENV=production,SPREADSHEET_ID=1AbCdEfGhIjKlMnOp,MAIL_FROM=thuongtruc@example.vn,OIDC_AUDIENCE=https://asia-southeast1-thidua-demo.cloudfunctions.net/documents,SCHEDULER_SERVICE_ACCOUNT=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --set-secrets=SENDGRID_API_KEY=thidua-sendgrid-key:latest,UNIT_SECRET_KEY=thidua-unit-secret-key:latest,INGEST_SECRET=thidua-ingest-secret:latest --project=thidua-demo

# Triển khai hàm yearend (gen2, Node.js 22, tối đa 1 phiên bản, mỗi phiên bản 1 yêu cầu một lúc); địa chỉ công khai vì trình đơn "Ghi quyết định vào sổ" và "Tạo chiến dịch năm sau" của bảng tính gọi nó, mỗi yêu cầu được kiểm tra chữ ký.
gcloud functions deploy yearend --gen2 --runtime=nodejs22 --region=asia-southeast1 --source=dist --entry-point=yearend --trigger-http --allow-unauthenticated --service-account=thidua-functions@thidua-demo.iam.gserviceaccount.com --build-service-account=projects/thidua-demo/serviceAccounts/thidua-build@thidua-demo.iam.gserviceaccount.com --memory=512Mi --timeout=300s --max-instances=1 --concurrency=1 --set-env-vars=NODE_ENV=production,SPREADSHEET_ID=1AbCdEfGhIjKlMnOp,MAIL_FROM=thuongtruc@example.vn,OIDC_AUDIENCE=https://asia-southeast1-thidua-demo.cloudfunctions.net/yearend,SCHEDULER_SERVICE_ACCOUNT=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --set-secrets=SENDGRID_API_KEY=thidua-sendgrid-key:latest,UNIT_SECRET_KEY=thidua-unit-secret-key:latest,INGEST_SECRET=thidua-ingest-secret:latest --project=thidua-demo

# Lịch thidua-ingest-sweep: quét câu trả lời mỗi 10 phút (giờ Việt Nam), xác thực bằng OIDC; lỗi thì thử lại tối đa 2 lần.
gcloud scheduler jobs create http thidua-ingest-sweep --location=asia-southeast1 '--schedule=*/10 * * * *' --time-zone=Asia/Ho_Chi_Minh --uri=https://asia-southeast1-thidua-demo.cloudfunctions.net/ingest --http-method=POST --oidc-service-account-email=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --oidc-token-audience=https://asia-southeast1-thidua-demo.cloudfunctions.net/ingest --attempt-deadline=320s --max-retry-attempts=2 --min-backoff=30s --max-backoff=120s --max-doublings=2 --project=thidua-demo \
  || gcloud scheduler jobs update http thidua-ingest-sweep --location=asia-southeast1 '--schedule=*/10 * * * *' --time-zone=Asia/Ho_Chi_Minh --uri=https://asia-southeast1-thidua-demo.cloudfunctions.net/ingest --http-method=POST --oidc-service-account-email=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --oidc-token-audience=https://asia-southeast1-thidua-demo.cloudfunctions.net/ingest --attempt-deadline=320s --max-retry-attempts=2 --min-backoff=30s --max-backoff=120s --max-doublings=2 --project=thidua-demo

# Lịch thidua-remind: nhắc hạn lúc 08:00 hằng ngày (giờ Việt Nam), xác thực bằng OIDC; lỗi thì thử lại tối đa 5 lần.
gcloud scheduler jobs create http thidua-remind --location=asia-southeast1 '--schedule=0 8 * * *' --time-zone=Asia/Ho_Chi_Minh --uri=https://asia-southeast1-thidua-demo.cloudfunctions.net/remind --http-method=POST --oidc-service-account-email=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --oidc-token-audience=https://asia-southeast1-thidua-demo.cloudfunctions.net/remind --attempt-deadline=320s --max-retry-attempts=5 --min-backoff=60s --max-backoff=600s --max-doublings=3 --project=thidua-demo \
  || gcloud scheduler jobs update http thidua-remind --location=asia-southeast1 '--schedule=0 8 * * *' --time-zone=Asia/Ho_Chi_Minh --uri=https://asia-southeast1-thidua-demo.cloudfunctions.net/remind --http-method=POST --oidc-service-account-email=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --oidc-token-audience=https://asia-southeast1-thidua-demo.cloudfunctions.net/remind --attempt-deadline=320s --max-retry-attempts=5 --min-backoff=60s --max-backoff=600s --max-doublings=3 --project=thidua-demo

# Lịch thidua-digest: bản tin lúc 07:30 thứ Hai hằng tuần (giờ Việt Nam), xác thực bằng OIDC; lỗi thì thử lại tối đa 5 lần.
gcloud scheduler jobs create http thidua-digest --location=asia-southeast1 '--schedule=30 7 * * 1' --time-zone=Asia/Ho_Chi_Minh --uri=https://asia-southeast1-thidua-demo.cloudfunctions.net/digest --http-method=POST --oidc-service-account-email=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --oidc-token-audience=https://asia-southeast1-thidua-demo.cloudfunctions.net/digest --attempt-deadline=320s --max-retry-attempts=5 --min-backoff=60s --max-backoff=600s --max-doublings=3 --project=thidua-demo \
  || gcloud scheduler jobs update http thidua-digest --location=asia-southeast1 '--schedule=30 7 * * 1' --time-zone=Asia/Ho_Chi_Minh --uri=https://asia-southeast1-thidua-demo.cloudfunctions.net/digest --http-method=POST --oidc-service-account-email=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --oidc-token-audience=https://asia-southeast1-thidua-demo.cloudfunctions.net/digest --attempt-deadline=320s --max-retry-attempts=5 --min-backoff=60s --max-backoff=600s --max-doublings=3 --project=thidua-demo

# Lịch thidua-rollup: tổng hợp cấp dưới lúc 06:00 hằng ngày (giờ Việt Nam), xác thực bằng OIDC; lỗi thì thử lại tối đa 2 lần.
gcloud scheduler jobs create http thidua-rollup --location=asia-southeast1 '--schedule=0 6 * * *' --time-zone=Asia/Ho_Chi_Minh --uri=https://asia-southeast1-thidua-demo.cloudfunctions.net/rollup --http-method=POST --oidc-service-account-email=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --oidc-token-audience=https://asia-southeast1-thidua-demo.cloudfunctions.net/rollup --attempt-deadline=1520s --max-retry-attempts=2 --min-backoff=300s --max-backoff=600s --max-doublings=1 --project=thidua-demo \
  || gcloud scheduler jobs update http thidua-rollup --location=asia-southeast1 '--schedule=0 6 * * *' --time-zone=Asia/Ho_Chi_Minh --uri=https://asia-southeast1-thidua-demo.cloudfunctions.net/rollup --http-method=POST --oidc-service-account-email=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --oidc-token-audience=https://asia-southeast1-thidua-demo.cloudfunctions.net/rollup --attempt-deadline=1520s --max-retry-attempts=2 --min-backoff=300s --max-backoff=600s --max-doublings=1 --project=thidua-demo

# Lịch thidua-documents: tạo văn bản báo cáo lúc 07:00 hằng ngày, chỉ trong những ngày trước hạn báo cáo cấp trên (giờ Việt Nam), xác thực bằng OIDC; lỗi thì thử lại tối đa 3 lần.
gcloud scheduler jobs create http thidua-documents --location=asia-southeast1 '--schedule=0 7 * * *' --time-zone=Asia/Ho_Chi_Minh --uri=https://asia-southeast1-thidua-demo.cloudfunctions.net/documents --http-method=POST --oidc-service-account-email=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --oidc-token-audience=https://asia-southeast1-thidua-demo.cloudfunctions.net/documents --attempt-deadline=320s --max-retry-attempts=3 --min-backoff=120s --max-backoff=600s --max-doublings=2 --project=thidua-demo \
  || gcloud scheduler jobs update http thidua-documents --location=asia-southeast1 '--schedule=0 7 * * *' --time-zone=Asia/Ho_Chi_Minh --uri=https://asia-southeast1-thidua-demo.cloudfunctions.net/documents --http-method=POST --oidc-service-account-email=thidua-scheduler@thidua-demo.iam.gserviceaccount.com --oidc-token-audience=https://asia-southeast1-thidua-demo.cloudfunctions.net/documents --attempt-deadline=320s --max-retry-attempts=3 --min-backoff=120s --max-backoff=600s --max-doublings=2 --project=thidua-demo

# Sau cùng: đặt INGEST_URL=https://asia-southeast1-thidua-demo.cloudfunctions.net/ingest, DOCUMENTS_URL=https://asia-southeast1-thidua-demo.cloudfunctions.net/documents, ROLLUP_URL=https://asia-southeast1-thidua-demo.cloudfunctions.net/rollup, YEAREND_URL=https://asia-southeast1-thidua-demo.cloudfunctions.net/yearend, FUNCTIONS_SERVICE_ACCOUNT=thidua-functions@thidua-demo.iam.gserviceaccount.com, INGEST_SECRET và UNIT_SECRET_KEY trong Thuộc tính tập lệnh của Apps Script; chia sẻ thư mục Drive nhận văn bản cho thidua-functions@thidua-demo.iam.gserviceaccount.com (Người chỉnh sửa).
